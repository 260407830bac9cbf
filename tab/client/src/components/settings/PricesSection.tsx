import { Button, Field, Input, Select, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { PriceListSettings, Saved, settingsRoutes, type PriceListSetting } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { useLoad } from '../../hooks/useLoad';
import { EmptyNote } from '../EmptyNote';
import { defaultYear } from './financialYear';
import { useFormStyles } from './formStyles';
import { formatMoney } from './numbers';
import { kindLabels, priceFormOf, priceListChange, withItem } from './priceForm';
import { ReadOnlyValue } from './ReadOnlyValue';
import { SaveFeedback } from './SaveFeedback';
import { ScrollArea } from './ScrollArea';
import { SettingsSection } from './SettingsSection';
import { useSave, type SaveState } from './useSave';

/** The price lists, one per financial year: the consultancy rate, travel, each item's hours and price. */
export function PricesSection() {
  const styles = useFormStyles();
  const { api } = useSigned();
  const loaded = useLoad(() => api.get(settingsRoutes.priceLists, PriceListSettings), 'price-lists');
  const save = useSave(loaded.reload);
  const [year, setYear] = useState<string>();
  const reload = () => {
    save.clear();
    loaded.reload();
  };
  return (
    <SettingsSection title="Prices" loaded={loaded}>
      {(data) => {
        const years = data.priceLists.map((l) => l.financialYear);
        const shown = year !== undefined && years.includes(year) ? year : defaultYear(years, new Date());
        const list = data.priceLists.find((l) => l.financialYear === shown);
        return (
          <>
            <Field className={styles.single} label="Financial year">
              <Select value={shown ?? ''} onChange={(_, d) => { save.clear(); setYear(d.value); }}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </Select>
            </Field>
            {list ? <PriceListForm key={`${list.financialYear}:${list.etag}`} list={list} canEdit={data.canEdit} save={save} onReload={reload} /> : <EmptyNote>There is no price list yet.</EmptyNote>}
          </>
        );
      }}
    </SettingsSection>
  );
}

function PriceListForm({ list, canEdit, save, onReload }: { list: PriceListSetting; canEdit: boolean; save: SaveState; onReload: () => void }) {
  const styles = useFormStyles();
  const { api } = useSigned();
  const [form, setForm] = useState(() => priceFormOf(list));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.save(priceListChange(list, form), (change) => api.put(settingsRoutes.priceList(list.financialYear), change, Saved));
  };
  const year = list.financialYear;
  return (
    <form className={styles.form} onSubmit={submit} aria-label={`The ${year} price list`}>
      <div className={styles.fields}>
        {canEdit ? (
          <>
            <Field label="Consultancy rate (£ an hour)">
              <Input className={styles.number} inputMode="decimal" value={form.consultancyRatePerHour} onChange={(_, d) => setForm({ ...form, consultancyRatePerHour: d.value })} />
            </Field>
            <Switch label="Travel time counts toward a package's hours" checked={form.travelCountsTowardHours} onChange={(_, d) => setForm({ ...form, travelCountsTowardHours: d.checked })} />
          </>
        ) : (
          <>
            <ReadOnlyValue label="Consultancy rate" value={`${formatMoney(list.consultancyRatePerHour)} an hour`} />
            <ReadOnlyValue label="Travel time counts toward a package's hours" value={list.travelCountsTowardHours ? 'Yes' : 'No'} />
          </>
        )}
      </div>
      <ScrollArea label={`The ${year} price list's items`}>
        <Table aria-label={`Items on the ${year} price list`} size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Item</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Hours</TableHeaderCell>
              <TableHeaderCell>Price (£)</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.items.map((item) => {
              const typed = form.items.find((i) => i.code === item.code);
              return (
                <TableRow key={item.code}>
                  <TableCell className={styles.cell}>{item.name}</TableCell>
                  <TableCell className={styles.cell}>{kindLabels[item.kind]}</TableCell>
                  <TableCell className={styles.cell}>
                    {canEdit && typed ? (
                      <Input className={styles.number} inputMode="decimal" aria-label={`${item.name} hours`} value={typed.hours} onChange={(_, d) => setForm(withItem(form, item.code, 'hours', d.value))} />
                    ) : (
                      item.hours
                    )}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {canEdit && typed ? (
                      <Input className={styles.number} inputMode="decimal" aria-label={`${item.name} price`} value={typed.price} onChange={(_, d) => setForm(withItem(form, item.code, 'price', d.value))} />
                    ) : (
                      formatMoney(item.price)
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollArea>
      <SaveFeedback outcome={save.outcome} onReload={onReload} />
      {canEdit ? (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={save.busy}>
            {save.busy ? 'Saving…' : `Save the ${year} prices`}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
