/** The purchase form: fields as typed, its request key, and the purchase they record. */
import type { NewPurchase, PriceListSetting } from '../../../../contract/settings';
import type { Read } from './numbers';
import { formatMoney } from './numbers';

export interface PurchaseForm {
  schoolId: string;
  packageCode: string;
  purchasedOn: string;
  purchaseOrderNumber: string;
  /**
   * Made once when the form opens and sent with every try: a double click or a retry after a
   * lost answer records the purchase once. A new form (after a success) has a new key.
   */
  requestKey: string;
}

/** A random key; crypto.randomUUID where the page is a secure context (Teams, localhost), else random bytes. */
export function newRequestKey(random: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto): string {
  if (random.randomUUID) return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const blankPurchaseForm = (today: string, requestKey = newRequestKey()): PurchaseForm => ({ schoolId: '', packageCode: '', purchasedOn: today, purchaseOrderNumber: '', requestKey });

const kindOrder: Record<PriceListSetting['items'][number]['kind'], number> = { 'universal-offer': 0, package: 1, consultancy: 2, training: 3, placement: 4 };

/** The year's price list as choices: "Silver Package (13 h, £1,000)". */
export function packageChoices(list: PriceListSetting | undefined): { code: string; label: string }[] {
  if (!list) return [];
  return [...list.items]
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind])
    .map((i) => ({ code: i.code, label: i.hours > 0 ? `${i.name} (${i.hours} h, ${formatMoney(i.price)})` : `${i.name} (${formatMoney(i.price)})` }));
}

export function newPurchase(form: PurchaseForm, financialYear: string): Read<NewPurchase> {
  if (!form.schoolId) return { ok: false, message: 'School: choose the school that bought it.' };
  if (!form.packageCode) return { ok: false, message: `Package: choose what was bought from the ${financialYear} price list.` };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.purchasedOn)) return { ok: false, message: 'Date: enter the date it was bought.' };
  const po = form.purchaseOrderNumber.trim();
  return {
    ok: true,
    value: { schoolId: form.schoolId, packageCode: form.packageCode, financialYear, purchasedOn: form.purchasedOn, requestKey: form.requestKey, ...(po ? { purchaseOrderNumber: po } : {}) },
  };
}

/** "2026-12-03" in the browser's own day. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
