import { z } from 'zod';
import { workflowError } from '../errors';
import { PriceList } from '../model/priceList';
import { fail, ok, type Result } from '../result';

const PriceLists = z.array(PriceList).superRefine((lists, ctx) => {
  const seen = new Set<string>();
  lists.forEach((list, index) => {
    if (seen.has(list.financialYear)) {
      ctx.addIssue({ code: 'custom', path: [index, 'financialYear'], message: `${list.financialYear} has more than one price list` });
    }
    seen.add(list.financialYear);
  });
});

/** `[1].items[3].price` */
const fieldOf = (path: readonly PropertyKey[]): string =>
  path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');

/** Parses the price lists configuration (data/config/price-lists.json); the error names the first bad field. */
export function parsePriceLists(json: unknown): Result<PriceList[]> {
  const parsed = PriceLists.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = issue ? fieldOf(issue.path) : '';
  return fail(
    workflowError('ValidationFailed', `Price lists: ${field || 'the file'} ${issue?.message ?? 'is not valid'}`, {
      field: field || 'priceLists',
    }),
  );
}
