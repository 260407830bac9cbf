import { Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { PurchaseSettings, settingsRoutes, type PurchaseSetting } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { formatHours, formatShort } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { EmptyNote } from '../EmptyNote';
import { useFormStyles } from './formStyles';
import { formatMoney } from './numbers';
import { RecordPurchase } from './RecordPurchase';
import { ScrollArea } from './ScrollArea';
import { SettingsSection } from './SettingsSection';

const invoiceLabels: Record<PurchaseSetting['invoiceStatus'], string> = { 'not-invoiced': 'Not invoiced', invoiced: 'Invoiced', paid: 'Paid' };

/** A financial year's purchases, and (admins) a purchase recorded. */
export function PurchasesSection() {
  const styles = useFormStyles();
  const { api } = useSigned();
  // Unset: the server's own choice of year (the current one), which its answer names.
  const [year, setYear] = useState<string>();
  const loaded = useLoad(() => api.get(year ? `${settingsRoutes.purchases}?${new URLSearchParams({ year })}` : settingsRoutes.purchases, PurchaseSettings), `purchases:${year ?? ''}`);
  return (
    <SettingsSection title="Purchases" loaded={loaded}>
      {(data) => (
        <>
          <Field className={styles.single} label="Financial year">
            <Select value={year ?? data.financialYear} onChange={(_, d) => setYear(d.value)}>
              {(data.years.includes(data.financialYear) ? data.years : [...data.years, data.financialYear]).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
          {data.purchases.length === 0 ? (
            <EmptyNote>{`No purchase is recorded in ${data.financialYear}.`}</EmptyNote>
          ) : (
            <ScrollArea label={`Purchases in ${data.financialYear}`}>
              <Table aria-label={`Purchases in ${data.financialYear}`} size="small" className={styles.wideTable}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>School</TableHeaderCell>
                    <TableHeaderCell>Package</TableHeaderCell>
                    <TableHeaderCell>Bought</TableHeaderCell>
                    <TableHeaderCell>Order number</TableHeaderCell>
                    <TableHeaderCell>Hours</TableHeaderCell>
                    <TableHeaderCell>Price</TableHeaderCell>
                    <TableHeaderCell>Invoice</TableHeaderCell>
                    <TableHeaderCell>Case</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.purchases.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell className={styles.cell}>{p.schoolName}</TableCell>
                      <TableCell className={styles.cell}>{p.packageName}</TableCell>
                      <TableCell className={styles.cell}>{formatShort(p.purchasedOn, { now: new Date(0), timeZone: 'UTC' })}</TableCell>
                      <TableCell className={styles.cell}>{p.purchaseOrderNumber ?? '—'}</TableCell>
                      <TableCell className={styles.cell}>{formatHours(p.hours)}</TableCell>
                      <TableCell className={styles.cell}>{formatMoney(p.price)}</TableCell>
                      <TableCell className={styles.cell}>{invoiceLabels[p.invoiceStatus]}</TableCell>
                      <TableCell className={styles.cell}>{p.caseReference ?? '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollArea>
          )}
          {data.canEdit ? <RecordPurchase key={data.financialYear} financialYear={data.financialYear} onRecorded={loaded.reload} /> : null}
        </>
      )}
    </SettingsSection>
  );
}
