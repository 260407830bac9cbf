import { costOfLog } from './graphCost';

const entry = (endsAtMs: number, extra: Record<string, unknown> = {}) => ({
  at: new Date(endsAtMs).toISOString(), method: 'GET', path: '/sites/s/lists/l/items', status: 200, durationMs: 1, resourceUnits: 2, ...extra,
});

describe('the Graph cost of what the emulator logged', () => {
  it('counts a $batch as one call and one round trip, its requests one by one, and calls sent together as one round trip', () => {
    const log = {
      entries: [
        entry(1100), entry(1205), // one after the other
        entry(1310, { batchRequestId: '1' }), entry(1310, { batchRequestId: '2' }), entry(1310, { batchRequestId: '3' }), // one batch's requests
        entry(1310, { path: '/$batch', method: 'POST', resourceUnits: 0, durationMs: 3 }), // and its envelope
        entry(1420), entry(1421), // sent together
      ],
    };
    expect(costOfLog(log, 100)).toEqual({ requests: 7, calls: 5, roundTrips: 4, resourceUnits: 14 });
  });

  it('counts each $batch envelope as a call: two batches one after the other are two round trips', () => {
    const envelope = (at: number) => entry(at, { path: '/$batch', method: 'POST', resourceUnits: 0 });
    const log = { entries: [entry(1100, { batchRequestId: '1' }), entry(1100, { batchRequestId: '2' }), envelope(1100), entry(1205, { batchRequestId: '1' }), envelope(1205)] };
    expect(costOfLog(log, 100)).toMatchObject({ requests: 3, calls: 2, roundTrips: 2 });
  });

  it('counts a batch refused whole (its envelope logged) as a call with no requests', () => {
    expect(costOfLog({ entries: [entry(1000, { path: '/$batch', status: 429, resourceUnits: 0 })] }, 100)).toEqual({ requests: 0, calls: 1, roundTrips: 1, resourceUnits: 0 });
  });

  it('cannot tell parallel calls apart without latency: round trips are the calls', () => {
    expect(costOfLog({ entries: [entry(1000), entry(1000)] }, 0)).toMatchObject({ calls: 2, roundTrips: 2 });
  });
});
