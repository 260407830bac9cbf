/** How a figure reads, by its column's kind: "1,234", "45.2%", "12.5 h", "£1,250.00", "12 days". */
import type { ColumnKind } from '../../../../contract/dashboard';

const locale = 'en-GB';
const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const pounds = new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP' });
const wholePounds = new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** What an empty cell says. */
export const noValue = '–';

export function formatFigure(value: string | number | null | undefined, kind: ColumnKind): string {
  if (value === null || value === undefined || value === '') return noValue;
  if (typeof value === 'string' || kind === 'text') return String(value);
  if (!Number.isFinite(value)) return noValue;
  switch (kind) {
    case 'count':
      return whole.format(value);
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'hours':
      return `${twoDecimals.format(value)} h`;
    case 'money':
      return pounds.format(value);
    case 'days':
      return `${oneDecimal.format(value)} ${value === 1 ? 'day' : 'days'}`;
  }
}

/** Shorter, for a chart's axis: no pence on whole pounds. */
export function formatTick(value: number, kind: ColumnKind): string {
  if (kind === 'money') return Number.isInteger(value) ? wholePounds.format(value) : pounds.format(value);
  return formatFigure(value, kind);
}

/** Numbers line up on the right; words on the left. */
export const isNumeric = (kind: ColumnKind): boolean => kind !== 'text';
