import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a request stands in a unit of work: which unit, which of its writes, and which writes must land first. */
export interface WriteOrder {
  unit: string;
  name: string;
  after: readonly string[];
}

const orders = new AsyncLocalStorage<WriteOrder>();

/** Runs one write of a unit of work; every Graph request it makes carries its order into the $batch. */
export function inWriteOrder<T>(order: WriteOrder, write: () => Promise<T>): Promise<T> {
  return orders.run(order, write);
}

export function currentWriteOrder(): WriteOrder | undefined {
  return orders.getStore();
}
