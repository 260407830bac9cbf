import { AsyncLocalStorage } from 'node:async_hooks';
import type { WriteBatching, WriteOrder } from '../../workflow';
import { inOneAction } from './actionScope';

/** Carries each write's order from the unit of work, through the store, to the $batch it travels in. */
const orders = new AsyncLocalStorage<WriteOrder>();

export function currentWriteOrder(): WriteOrder | undefined {
  return orders.getStore();
}

/** Writes started together go in one $batch (see BatchingHandler), ordered by `dependsOn`. */
export const batchedWrites: WriteBatching = {
  together: true,
  carry: (order, write) => orders.run(order, write),
  oneAction: inOneAction,
};
