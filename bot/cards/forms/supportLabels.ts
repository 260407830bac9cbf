import type { BodyOf, CaseLedger, TimeActivity, WorkflowDeps } from '../../../workflow';
import { showHours } from '../format';
import type { Fact } from '../outcomes';
import { numberIn, type FormValues } from './formValues';

export interface Choice {
  title: string;
  value: string;
}

/** The time sheet's activities, as the worker reads them. */
export const activityTitles: Record<TimeActivity, string> = {
  'direct-work': 'Direct work with the pupil',
  observation: 'Observation',
  meeting: 'Meeting',
  'report-writing': 'Report writing',
  'parent-support': 'Parent support',
  consultancy: 'Consultancy',
  training: 'Training',
  admin: 'Admin',
  travel: 'Travel',
};

export const withWhomTitles: Record<BodyOf<'support-session'>['withWhom'], string> = {
  pupil: 'The pupil',
  staff: 'School staff',
  'pupil-and-staff': 'The pupil and school staff',
  parent: 'The parent/carer',
};

export const chronologyTitles: Record<BodyOf<'chronology'>['category'], string> = {
  note: 'Note',
  'update-to-school': 'Update to school',
  'update-to-home': 'Update to home',
  contact: 'Contact',
  're-referral': 'Re-referral',
};

export const choicesOf = (titles: Record<string, string>): Choice[] => Object.entries(titles).map(([value, title]) => ({ value, title }));

/** A number input's value for the template: null when empty or not a number (the input then shows empty). */
export function hoursValue(values: FormValues, name = 'hours'): number | null {
  const n = numberIn(values, name);
  return n === undefined || Number.isNaN(n) ? null : n;
}

/** "Silver Package (2026-27)": the price list's name for a purchase's package. */
export function packageName(deps: WorkflowDeps, packageCode: string, financialYear: string): string {
  const list = deps.config.priceLists.find((l) => l.financialYear === financialYear);
  const name = list?.items.find((i) => i.code === packageCode)?.name ?? packageCode;
  return `${name} (${financialYear})`;
}

const h = (n: number): string => showHours(n);

/** One line: bought / used / left for the case, and anything beyond what was bought. */
export function ledgerLine(ledger: CaseLedger): string {
  const t = ledger.totals;
  if (t.bought === 0) {
    return t.used > 0
      ? `No package hours bought for this case: ${h(t.used)} used, all beyond what was bought (to invoice).`
      : 'No package hours bought for this case yet: time logged now is beyond what was bought and is listed for invoicing.';
  }
  const beyond = t.overrun > 0 ? `; ${h(t.overrun)} beyond what was bought (to invoice)` : '';
  return `Package hours for this case: ${h(t.bought)} bought, ${h(t.used)} used, ${h(t.left)} left${beyond}.`;
}

/** The ledger as facts: one line per purchase, then the case's totals. */
export function ledgerFacts(deps: WorkflowDeps, ledger: CaseLedger): Fact[] {
  const t = ledger.totals;
  return [
    ...ledger.purchases.map((p) => ({ title: packageName(deps, p.packageCode, p.financialYear), value: `${h(p.bought)} bought · ${h(p.used)} used · ${h(p.left)} left` })),
    { title: 'Hours bought', value: h(t.bought) },
    { title: 'Hours used', value: h(t.used) },
    { title: 'Hours left', value: h(t.left) },
    ...(t.overrun > 0 ? [{ title: 'Beyond what was bought', value: `${h(t.overrun)}: flagged, to invoice at the consultancy rate` }] : []),
  ];
}
