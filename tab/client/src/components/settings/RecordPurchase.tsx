import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { PriceListSettings, Saved, SchoolSettings, settingsRoutes } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { useLoad } from '../../hooks/useLoad';
import { ErrorNote } from '../ErrorNote';
import { Loading } from '../Loading';
import { useFormStyles } from './formStyles';
import { blankPurchaseForm, isoDay, newPurchase, packageChoices, type PurchaseForm } from './purchaseForm';
import { SaveFeedback } from './SaveFeedback';
import { useSave } from './useSave';

/**
 * Records a purchase in the financial year shown: the school, a package from that year's price
 * list, the date, the order number. Its request key is made when the form is, so a double click
 * or a retry records once; after a success the form starts again with a new key.
 */
export function RecordPurchase({ financialYear, onRecorded }: { financialYear: string; onRecorded: () => void }) {
  const styles = useFormStyles();
  const { api } = useSigned();
  const headingId = useId();
  const choices = useLoad(() => Promise.all([api.get(settingsRoutes.schools, SchoolSettings), api.get(settingsRoutes.priceLists, PriceListSettings)]), 'purchase-choices');
  const [form, setForm] = useState<PurchaseForm>(() => blankPurchaseForm(isoDay(new Date())));
  const save = useSave(() => {
    setForm(blankPurchaseForm(isoDay(new Date())));
    onRecorded();
  });
  if (!choices.data) return choices.state === 'error' ? <ErrorNote title="The schools and prices could not be loaded" message={choices.message} onRetry={choices.reload} /> : <Loading label="Loading the schools and prices…" />;
  const [schools, prices] = choices.data;
  const packages = packageChoices(prices.priceLists.find((l) => l.financialYear === financialYear));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.save(newPurchase(form, financialYear), (purchase) => api.post(settingsRoutes.purchases, purchase, Saved));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>Record a purchase in {financialYear}</h3>
      <div className={styles.fields}>
        <Field label="School" required>
          <Select value={form.schoolId} onChange={(_, d) => setForm({ ...form, schoolId: d.value })}>
            <option value="">Choose a school</option>
            {schools.schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Package" required hint={packages.length === 0 ? `There is no ${financialYear} price list.` : undefined}>
          <Select value={form.packageCode} onChange={(_, d) => setForm({ ...form, packageCode: d.value })}>
            <option value="">Choose what was bought</option>
            {packages.map((p) => (
              <option key={p.code} value={p.code}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Date bought" required>
          <Input type="date" className={styles.date} value={form.purchasedOn} onChange={(_, d) => setForm({ ...form, purchasedOn: d.value })} />
        </Field>
        <Field label="Purchase order number">
          <Input value={form.purchaseOrderNumber} onChange={(_, d) => setForm({ ...form, purchaseOrderNumber: d.value })} />
        </Field>
      </div>
      <SaveFeedback outcome={save.outcome} onReload={onRecorded} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.busy}>
          {save.busy ? 'Recording…' : 'Record the purchase'}
        </Button>
      </div>
    </form>
  );
}
