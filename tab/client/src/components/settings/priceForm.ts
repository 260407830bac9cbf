/** The price list form: rate, travel and each item's hours and price as typed, and the list they make. */
import type { PriceListChange, PriceListSetting } from '../../../../contract/settings';
import { numberText, readNumber, type Read } from './numbers';

export interface PriceItemForm {
  code: string;
  name: string;
  hours: string;
  price: string;
}

export interface PriceForm {
  consultancyRatePerHour: string;
  travelCountsTowardHours: boolean;
  items: PriceItemForm[];
}

export const priceFormOf = (list: PriceListSetting): PriceForm => ({
  consultancyRatePerHour: numberText(list.consultancyRatePerHour),
  travelCountsTowardHours: list.travelCountsTowardHours,
  items: list.items.map((i) => ({ code: i.code, name: i.name, hours: numberText(i.hours), price: numberText(i.price) })),
});

export const withItem = (form: PriceForm, code: string, field: 'hours' | 'price', text: string): PriceForm => ({
  ...form,
  items: form.items.map((i) => (i.code === code ? { ...i, [field]: text } : i)),
});

/** The whole list as read, with what was typed: the fields not shown (kind, requires…) kept as they were. */
export function priceListChange(list: PriceListSetting, form: PriceForm): Read<PriceListChange> {
  const rate = readNumber(form.consultancyRatePerHour, 'Consultancy rate (£ an hour)', { max: 10_000 });
  if (!rate.ok) return rate;
  const items: PriceListChange['items'] = [];
  for (const item of list.items) {
    const typed = form.items.find((i) => i.code === item.code);
    if (!typed) {
      items.push(item);
      continue;
    }
    const hours = readNumber(typed.hours, `${item.name}: hours`, { max: 1_000 });
    if (!hours.ok) return hours;
    const price = readNumber(typed.price, `${item.name}: price`, { max: 1_000_000 });
    if (!price.ok) return price;
    items.push({ ...item, hours: hours.value, price: price.value });
  }
  return { ok: true, value: { consultancyRatePerHour: rate.value, travelCountsTowardHours: form.travelCountsTowardHours, items, etag: list.etag } };
}

export const kindLabels: Record<PriceListSetting['items'][number]['kind'], string> = {
  'universal-offer': 'Universal Offer',
  package: 'Package',
  consultancy: 'Consultancy',
  training: 'Training',
  placement: 'Placement',
};
