import { z } from 'zod';

/** The emulator's request log as GET /_emulator/requests answers it (the fields the benches read). */
const requestLogSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      method: z.string(),
      path: z.string(),
      status: z.number(),
      durationMs: z.number(),
      batchRequestId: z.string().optional(),
      resourceUnits: z.number().optional(),
    }),
  ),
});
type Entry = z.infer<typeof requestLogSchema>['entries'][number];

/** What some work cost in Graph terms, read from the emulator's request log. */
export interface GraphCost {
  /** Graph operations, each request inside a `$batch` counted on its own (what SharePoint counts). */
  requests: number;
  /** HTTP calls to Graph: a single request, or a whole `$batch`. */
  calls: number;
  /**
   * Calls made one after another: the longest run of calls whose times do not overlap. Calls sent
   * together (in parallel) count once. Needs injected latency to tell them apart; at 0 ms it is `calls`.
   */
  roundTrips: number;
  /** SharePoint resource units (the throttling budget's currency). */
  resourceUnits: number;
}

export const noCost: GraphCost = { requests: 0, calls: 0, roundTrips: 0, resourceUnits: 0 };

export const addCosts = (a: GraphCost, b: GraphCost): GraphCost => ({
  requests: a.requests + b.requests,
  calls: a.calls + b.calls,
  roundTrips: a.roundTrips + b.roundTrips,
  resourceUnits: a.resourceUnits + b.resourceUnits,
});

const isBatchEnvelope = (entry: Entry): boolean => entry.batchRequestId === undefined && /\/\$batch$/i.test(entry.path);

/** Each HTTP call to Graph is one entry without `batchRequestId`: a single request, or a `$batch` envelope (logged after its requests). */
function callsOf(entries: Entry[]): Entry[][] {
  return entries.filter((e) => e.batchRequestId === undefined).map((e) => [e]);
}

/**
 * The longest chain of calls that did not overlap in time (greedy by end time: the classic interval
 * schedule). The log's times are whole milliseconds: a call may start up to a quarter of the latency
 * before the previous one ended and still count as after it (calls sent together overlap by the latency).
 */
function sequentialDepth(calls: Entry[][], latencyMs: number): number {
  if (latencyMs <= 0) return calls.length;
  const spans = calls
    .map((call) => {
      const end = Math.max(...call.map((e) => Date.parse(e.at)));
      const served = call.reduce((sum, e) => sum + e.durationMs, 0);
      return { start: end - latencyMs - served, end };
    })
    .sort((a, b) => a.end - b.end);
  let depth = 0;
  let freeFrom = -Infinity;
  for (const span of spans) {
    if (span.start >= freeFrom - latencyMs / 4) {
      depth += 1;
      freeFrom = span.end;
    }
  }
  return depth;
}

/** The cost of what the log holds, the log having been reset before the work began. */
export function costOfLog(log: unknown, latencyMs: number): GraphCost {
  const { entries } = requestLogSchema.parse(log);
  const calls = callsOf(entries);
  return {
    requests: entries.filter((e) => !isBatchEnvelope(e)).length,
    calls: calls.length,
    roundTrips: sequentialDepth(calls, latencyMs),
    resourceUnits: entries.reduce((sum, e) => sum + (e.resourceUnits ?? 0), 0),
  };
}
