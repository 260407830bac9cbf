/** How the tab writes dates, hours, sizes and steps: pure, so it is tested without a browser. */
import type { CaseRow, DueItem } from '../../contract/api';

const locale = 'en-GB';

/** Making an Intl formatter costs far more than using one: one per set of options (a caseload page formats hundreds of dates). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** "Thu 3 Dec 2026". */
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // Built from parts: ICU versions differ on the comma after the weekday.
  const parts = formatter({ weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric', timeZone }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // The month's name from the product's own list: browsers' ICU says "Sept" where the cards say "Sep".
  return `${part('weekday')} ${Number(part('day'))} ${monthNames[Number(part('month')) - 1] ?? part('month')} ${part('year')}`;
}

/** "Thu 3 Dec 2026, 14:30". */
export function formatDateTime(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = formatter({ hour: '2-digit', minute: '2-digit', timeZone }).format(d);
  return `${formatDate(iso, timeZone)}, ${time}`;
}

const hoursNumber = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const wholeNumber = new Intl.NumberFormat(locale);

/** "2.5 h", "1 h", "0 h". */
export function formatHours(hours: number): string {
  return `${hoursNumber.format(Math.round(hours * 100) / 100)} h`;
}

/** "512 bytes", "12 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
  return `${shown} ${units[unit]}`;
}

/** "4 of 10 · Initial meeting with school". */
export const stepLabel = (row: Pick<CaseRow, 'step' | 'stepName'>): string => `${row.step} of 10 · ${row.stepName}`;

/** The most pressing due item: the earliest overdue one, else the earliest. */
export function firstDue(due: DueItem[]): DueItem | undefined {
  const byDate = [...due].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return byDate.find((d) => d.overdue) ?? byDate[0];
}

/** A bought/used/left triple as a share used, 0..1 (1 when nothing was bought). */
export function usedShare(hours: { bought: number; used: number }): number {
  if (hours.bought <= 0) return 1;
  return Math.min(1, Math.max(0, hours.used / hours.bought));
}

/** "1,000 cases", "1 case". */
export const countLabel = (n: number, one: string, many: string): string => `${wholeNumber.format(n)} ${n === 1 ? one : many}`;

/** "10 Dec" (this year) or "10 Dec 2027"; with `time`, ", 10:00" after it. For table cells. */
export function formatShort(iso: string, options: { time?: boolean; now?: Date; timeZone?: string } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const { timeZone } = options;
  const sameYear = d.getFullYear() === (options.now ?? new Date()).getFullYear();
  const parts = formatter({ day: 'numeric', month: 'short', year: 'numeric', timeZone }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = sameYear ? `${part('day')} ${part('month')}` : `${part('day')} ${part('month')} ${part('year')}`;
  if (!options.time) return date;
  return `${date}, ${formatter({ hour: '2-digit', minute: '2-digit', timeZone }).format(d)}`;
}
