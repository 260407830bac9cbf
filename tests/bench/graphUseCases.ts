/**
 * `npm run bench`: Graph cost and wall time per use case, against the embedded Graph in its own
 * process. One case is walked from referral to closure through the use cases (as the Playground
 * walk does, without the cards) at each injected latency (0, 100 and 300 ms on every Graph
 * request), a new child each time. Per use case: Graph requests, HTTP calls, round trips (calls one
 * after another), resource units, and the time at each latency with its ratio to the floor
 * (round trips x latency: what the use case would cost if only the network counted). Then the
 * walk's total. Prints markdown tables. Not a test: numbers vary with the machine; read them.
 */
import {
  allocateCase,
  bookMeeting,
  cancelMeeting,
  moveMeeting,
  proposeMeeting,
  completeCase,
  decideContract,
  draftContract,
  logTime,
  myCases,
  recordHomeVisit,
  recordInformationReturned,
  recordMeeting,
  recordObservation,
  recordReview,
  recordSupportSession,
  requestInformation,
  submitReferral,
  viewCase,
  type Result,
} from '../../workflow';
import { childDetails, observation, referral, seenOutcome } from '../support/caseSteps';
import { key, people } from '../support/world';
import { startBenchGraph } from './benchGraph';
import { lettersOf, ms, printMachine, printTable, ratio } from './benchReport';
import { addCosts, costOfLog, noCost, type GraphCost } from './graphCost';

const latencies = [0, 100, 300] as const;
/** The latency whose request log gives the cost columns (round trips need latency to be told apart). */
const costAt = 100;

type Bench = Awaited<ReturnType<typeof startBenchGraph>>;
interface Measured {
  name: string;
  cost: GraphCost;
  timeMs: number;
}

/** One case walked to closure at `latencyMs`: each use case's cost and time, in walk order. */
async function walk({ world, admin, setLatency }: Bench, latencyMs: number, childName: string): Promise<Measured[]> {
  await setLatency(0);
  world.memory.clock.set('2026-09-14T09:00:00Z');
  const [adminUser, manager, worker] = await Promise.all([world.staff(people.admin), world.staff(people.manager), world.staff(people.worker)]);
  const school = await world.schoolByUrn('100001');
  const silver = (await world.deps.stores.purchases.find({ schoolId: school.id })).find((p) => p.packageCode === 'silver');
  await setLatency(latencyMs);
  const measured: Measured[] = [];
  const measure = async <T>(name: string, run: () => Promise<Result<T>>): Promise<T> => {
    await admin('POST', 'requests/reset');
    const started = performance.now();
    const result = await run();
    const timeMs = performance.now() - started;
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    measured.push({ name, cost: costOfLog(await admin('GET', 'requests'), latencyMs), timeMs });
    return result.value;
  };
  const opened = await measure('submitReferral (new child)', () =>
    submitReferral(world.deps, adminUser, referral(school.id, { child: childDetails(school.id, { lastName: childName }) })),
  );
  const caseId = seenOutcome(opened).case.id;
  await measure('requestInformation', () => requestInformation(world.deps, adminUser, { caseId }));
  await measure('allocateCase (offers the school meeting)', () => allocateCase(world.deps, manager, { caseId, workerId: people.worker }));
  // Issue 13: proposing, booking, moving and cancelling meetings.
  const proposed = await measure('proposeMeeting (school meeting)', () => proposeMeeting(world.deps, worker, { caseId, kind: 'school-meeting' }));
  const [first, second] = proposed.slots;
  if (!first || !second) throw new Error('no times proposed for the school meeting');
  const booked = await measure('bookMeeting (school meeting)', () =>
    bookMeeting(world.deps, worker, { caseId, kind: 'school-meeting', requestKey: key(), start: first.start.toISOString(), childId: proposed.childId }),
  );
  await measure('moveMeeting', () => moveMeeting(world.deps, worker, { caseId, meetingId: booked.meeting.id, requestKey: key(), start: second.start.toISOString() }));
  const call = await measure('proposeMeeting (Teams call with parents)', () => proposeMeeting(world.deps, worker, { caseId, kind: 'parent-call' }));
  const callAt = call.slots[0];
  if (!callAt) throw new Error('no times proposed for the call');
  const callBooked = await measure('bookMeeting (Teams call, child read beside the case)', () =>
    bookMeeting(world.deps, worker, { caseId, kind: 'parent-call', requestKey: key(), start: callAt.start.toISOString(), childId: call.childId }),
  );
  await measure('cancelMeeting', () => cancelMeeting(world.deps, worker, { caseId, meetingId: callBooked.meeting.id, requestKey: key(), reason: 'Parent asked to meet at home instead.' }));
  // Each event is recorded on its day (nothing is dated in the future: rule "Plausible facts").
  const day = (date: string) => world.memory.clock.set(`${date}T15:00:00Z`);
  day('2026-09-18');
  await measure('recordInformationReturned', () =>
    recordInformationReturned(world.deps, adminUser, { caseId, requestKey: key(), returnedOn: '2026-09-18', formReturned: true, pdpReturned: true }),
  );
  day('2026-09-21');
  await measure('recordObservation (step 3)', () => recordObservation(world.deps, worker, observation(caseId)));
  day('2026-09-23');
  await measure('recordMeeting (step 4)', () =>
    recordMeeting(world.deps, worker, { caseId, requestKey: key(), heldOn: '2026-09-23', purpose: 'initial-school', attendees: ['SENCo'], notes: 'n' }),
  );
  day('2026-09-25');
  await measure('recordHomeVisit (step 5)', () =>
    recordHomeVisit(world.deps, worker, { caseId, requestKey: key(), heldOn: '2026-09-25', mode: 'teams-call', attendees: ['Parent'], notes: 'n' }),
  );
  day('2026-09-30');
  await measure('recordObservation (step 6)', () => recordObservation(world.deps, worker, observation(caseId, '2026-09-30')));
  const drafted = await measure('draftContract', () =>
    draftContract(world.deps, worker, { caseId, requestKey: key(), targets: ['t'], support: 's', purchaseIds: [silver?.id], startDate: '2026-10-05', reviewDate: '2026-12-10' }),
  );
  await measure('decideContract (approve, books the review)', () => decideContract(world.deps, manager, { contractId: drafted.contract.id, decision: 'approve' }));
  day('2026-10-06');
  await measure('recordSupportSession', () =>
    recordSupportSession(world.deps, worker, { caseId, requestKey: key(), deliveredOn: '2026-10-06', hours: 1, withWhom: 'pupil', summary: 's' }),
  );
  await measure('logTime (with ledger)', () => logTime(world.deps, worker, { caseId, requestKey: key(), on: '2026-10-06', hours: 1, activity: 'direct-work' }));
  await measure('viewCase', () => viewCase(world.deps, manager, { caseId }));
  await measure('myCases (worker)', () => myCases(world.deps, worker));
  day('2026-11-19');
  await measure('recordReview (end)', () =>
    recordReview(world.deps, worker, { caseId, requestKey: key(), heldOn: '2026-11-19', outcome: 'end', summary: 's', destination: 'mainstream' }),
  );
  await measure('completeCase (report filed, sent, evaluation, close)', () => completeCase(world.deps, worker, { caseId }));
  return measured;
}

async function main(): Promise<void> {
  const bench = await startBenchGraph('bench');
  try {
    const runs = new Map<number, Measured[]>();
    for (const [i, latencyMs] of latencies.entries()) runs.set(latencyMs, await walk(bench, latencyMs, `Benchley${lettersOf(i + 1)}`));
    const costed = runs.get(costAt) ?? [];
    const timeOf = (latencyMs: number, name: string) => runs.get(latencyMs)?.find((m) => m.name === name)?.timeMs;
    const header = ['use case', 'requests', 'calls', 'round trips', 'resource units', ...latencies.map((l) => `time at ${l} ms`), ...latencies.filter((l) => l > 0).map((l) => `time ÷ (trips × ${l})`)];
    const row = (name: string, cost: GraphCost, times: Array<number | undefined>) => [
      name, cost.requests, cost.calls, cost.roundTrips, cost.resourceUnits,
      ...times.map(ms),
      ...latencies.flatMap((l, i) => (l > 0 ? [ratio(times[i], cost.roundTrips, l)] : [])),
    ];
    const rows = costed.map((m) => row(m.name, m.cost, latencies.map((l) => timeOf(l, m.name))));
    printTable(
      `Graph cost and time per use case (cost columns at ${costAt} ms latency; time in ms at each latency injected per Graph request; targets: every card action at most 2 round trips warm, 3 cold)`,
      header,
      rows,
    );
    const total = costed.reduce((sum, m) => addCosts(sum, m.cost), noCost);
    const totalTime = (latencyMs: number) => runs.get(latencyMs)?.reduce((sum, m) => sum + m.timeMs, 0);
    printTable(
      'A case walked to closure through the use cases above, referral to the review that ends it (target: at most 120 Graph requests)',
      header,
      [row(`whole walk (${costed.length} use cases)`, total, latencies.map(totalTime))],
    );
    printMachine();
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
