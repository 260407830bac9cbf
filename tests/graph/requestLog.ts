import type { EmbeddedGraph } from './embeddedGraph';

/** One request in the embedded Graph's log: a part of a $batch carries the batch's id. */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  batchRequestId?: string;
}

export async function loggedRequests(graph: EmbeddedGraph): Promise<LoggedRequest[]> {
  return ((await graph.requests()) as unknown as { entries: LoggedRequest[] }).entries;
}

/** HTTP requests the app made: single requests and $batch envelopes (not the parts inside). */
export const roundTripsIn = (entries: LoggedRequest[]): LoggedRequest[] => entries.filter((e) => e.batchRequestId === undefined);
