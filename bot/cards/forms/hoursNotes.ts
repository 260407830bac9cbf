import type { HoursAdded, PriceList, CaseLedger, WorkflowDeps } from '../../../workflow';
import { showHours } from '../format';
import type { Outcome } from '../outcomes';
import { packageName } from './supportLabels';

/** The price list the case's hours are drawn under (that of its first purchase). */
export const priceListOf = (deps: WorkflowDeps, ledger: CaseLedger | undefined): PriceList | undefined =>
  deps.config.priceLists.find((l) => l.financialYear === ledger?.purchases[0]?.financialYear);

/**
 * What a record's hours did to the package: the 80% / 100% warnings, any hours beyond what was
 * bought, and the tone and headline suffix that go with them.
 */
export function hoursNotes(deps: WorkflowDeps, added: HoursAdded): { notes: string[]; tone: Outcome['tone']; crossed: string } {
  const { ledger, warnings } = added;
  const t = ledger.totals;
  const entry = ledger.entries.find((e) => e.entryId === added.record.id);
  const rate = priceListOf(deps, ledger)?.consultancyRatePerHour;
  const atRate = rate !== undefined ? `the consultancy rate (£${rate} an hour)` : 'the consultancy rate';
  const notes: string[] = [];
  if (warnings.includes(100)) {
    notes.push(`Warning: this entry used up the package hours bought (${showHours(t.used)} used of ${showHours(t.bought)}). More hours are allowed, but they are flagged and listed for invoicing at ${atRate}.`);
  }
  if (warnings.includes(80) && !warnings.includes(100)) {
    notes.push(`Warning: this entry took the case past 80% of the package hours bought (${showHours(t.used)} used of ${showHours(t.bought)}, ${showHours(t.left)} left).`);
  } else if (warnings.includes(80)) {
    notes.push('It also crossed 80% of the hours bought.');
  }
  if (warnings.length > 0) notes.push('The manager and the case worker have been told.');
  if (entry && entry.overrunHours > 0) {
    notes.push(`${showHours(entry.overrunHours)} of this entry ${entry.overrunHours === 1 ? 'is' : 'are'} beyond what was bought: flagged and listed for invoicing at ${atRate}.`);
  }
  const crossed = warnings.includes(100) ? 'the package hours bought are used up' : warnings.includes(80) ? '80% of the package hours used' : '';
  const tone = warnings.includes(100) ? 'attention' : warnings.includes(80) ? 'warning' : 'good';
  return { notes, tone, crossed };
}

/** "1.5 hours logged against Silver Package (2026-27); 11.5 hours left": where a record's hours went. */
export function hoursLoggedLine(deps: WorkflowDeps, added: HoursAdded): string {
  const { ledger } = added;
  const entry = ledger.entries.find((e) => e.entryId === added.record.id);
  if (!entry) return '';
  const against = entry.parts.map((part) => {
    const p = ledger.purchases.find((x) => x.purchaseId === part.purchaseId);
    return p ? packageName(deps, p.packageCode, p.financialYear) : 'a package';
  });
  const where = against.length > 0 ? `against ${against.join(' and ')}` : 'beyond the package hours bought';
  return `${showHours(entry.countedHours)} logged ${where}; ${showHours(ledger.totals.left)} left.`;
}
