import { join } from 'node:path';
import type { FieldValue } from '../store/records';
import { EmulatorStore } from '../store/emulatorStore';

/**
 * Loads many items into one list of a stopped or running emulator's data folder in one
 * transaction, as a bulk import into SharePoint would: for volume tests (list view threshold,
 * indexed queries) that would take minutes through Graph.
 */
export const bulkInsertListItems = (dataDir: string, listId: string, items: Record<string, FieldValue>[], by = 'seed'): number => {
  const store = EmulatorStore.open(join(dataDir, 'graph.sqlite'), new Date());
  try {
    return store.items.insertMany(listId, items, by, new Date()).length;
  } finally {
    store.close();
  }
};
