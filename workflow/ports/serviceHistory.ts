import type { Case } from '../model/case';
import type { Child } from '../model/child';
import type { Contract } from '../model/contract';
import type { Purchase } from '../model/purchase';
import type { CaseRecord } from '../model/records';
import type { Stores } from './stores';

/** Everything the service's figures are worked out from: every case ever, with its child, records, contracts and purchases. */
export interface HistorySnapshot {
  readonly cases: readonly Case[];
  readonly children: readonly Child[];
  readonly records: readonly CaseRecord[];
  readonly contracts: readonly Contract[];
  readonly purchases: readonly Purchase[];
}

/**
 * The whole history of the service, for the manager's figures. On SharePoint it is read once and
 * then kept up to date with what changed since (graph/sharepoint), so a warm read costs little.
 */
export interface ServiceHistory {
  read(): Promise<HistorySnapshot>;
}

/** Read straight from the stores: the memory stores in tests (every list, every time). */
export function storeServiceHistory(stores: Pick<Stores, 'cases' | 'children' | 'records' | 'contracts' | 'purchases'>): ServiceHistory {
  return {
    read: async () => {
      const [cases, children, records, contracts, purchases] = await Promise.all([
        stores.cases.list(), stores.children.list(), stores.records.list(), stores.contracts.list(), stores.purchases.list(),
      ]);
      return { cases, children, records, contracts, purchases };
    },
  };
}
