import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { MAX_BATCH_PARTS } from '../client/batchingHandler';
import { graphStatus } from './graphErrors';
import { PAYLOAD_COLUMN, SAFEGUARDING_COLUMN } from './listDefinitions';

const PAGE_SIZE = 1000;

const RecordsPage = z.object({
  value: z.array(z.object({ id: z.string(), eTag: z.string(), fields: z.object({ [PAYLOAD_COLUMN]: z.string().nullish(), [SAFEGUARDING_COLUMN]: z.boolean().nullish() }).loose() })),
  '@odata.nextLink': z.string().optional(),
});
const Flag = z.object({ safeguarding: z.literal(true) }).loose();

const isConcern = (payload: string | null | undefined): boolean => {
  if (!payload) return false;
  try {
    return Flag.safeParse(JSON.parse(payload)).success;
  } catch {
    return false;
  }
};

/**
 * Gives the CaseRecords' Safeguarding column its value on concern records written before the
 * column existed (run by provisioning, which visits a site again only when the list definitions
 * changed). Every record is read once, a page at a time and without a filter (SharePoint pages a
 * large list by id without the list view threshold); only concern records whose column is not yet
 * Yes are written, with If-Match, so a second run writes nothing. A 412 means the record was
 * written since through the store, which sets the column itself. Answers how many were written.
 */
export async function fillSafeguarding(client: Client, recordsListPath: string): Promise<number> {
  let written = 0;
  let page = RecordsPage.parse(
    await client.api(`${recordsListPath}/items`).select('id,eTag').expand(`fields($select=${PAYLOAD_COLUMN},${SAFEGUARDING_COLUMN})`).top(PAGE_SIZE).get(),
  );
  for (;;) {
    const missing = page.value.filter((item) => item.fields[SAFEGUARDING_COLUMN] !== true && isConcern(item.fields[PAYLOAD_COLUMN]));
    // Started together, the writes travel as $batch (the client's batching), at most 20 parts each.
    for (let i = 0; i < missing.length; i += MAX_BATCH_PARTS) {
      const results = await Promise.allSettled(
        missing.slice(i, i + MAX_BATCH_PARTS).map((item) =>
          client.api(`${recordsListPath}/items/${encodeURIComponent(item.id)}/fields`).header('If-Match', item.eTag).patch({ [SAFEGUARDING_COLUMN]: true }),
        ),
      );
      for (const result of results) {
        if (result.status === 'fulfilled') written += 1;
        else if (graphStatus(result.reason) !== 412) throw result.reason;
      }
    }
    const next = page['@odata.nextLink'];
    if (!next) return written;
    page = RecordsPage.parse(await client.api(next).get());
  }
}
