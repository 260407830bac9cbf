import { financialYearOf } from '../../workflow/calendar';
import type { PriceListItem, WorkflowConfig } from '../../workflow';

export { financialYearOf };

export function priceListItemFor(config: WorkflowConfig, financialYear: string, code: string): PriceListItem {
  const item = config.priceLists.find((l) => l.financialYear === financialYear)?.items.find((i) => i.code === code);
  if (!item) throw new Error(`"${code}" is not on the ${financialYear} price list.`);
  return item;
}
