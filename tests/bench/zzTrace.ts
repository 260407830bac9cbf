/**
 * `npm run bench`: Graph round trips and wall time per use case, against the embedded Graph in
 * its own process with 100 ms latency injected on every Graph request. The floor is round trips
 * x latency: what the use case would cost if only the network counted. Prints a markdown table.
 * Not a test: numbers vary with the machine; read them, don't assert them.
 */
import {
  allocateCase,
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

const LATENCY_MS = 100;

async function main(): Promise<void> {
  const { world, admin, setLatency, stop } = await startBenchGraph('bench');
  try {
    await setLatency(LATENCY_MS);
    const [adminUser, manager, worker] = await Promise.all([world.staff(people.admin), world.staff(people.manager), world.staff(people.worker)]);
    const school = await world.schoolByUrn('100001');
    const silver = (await world.deps.stores.purchases.find({ schoolId: school.id })).find((p) => p.packageCode === 'silver');
    const rows: string[] = [];
    const measure = async <T>(name: string, run: () => Promise<Result<T>>): Promise<T> => {
      await admin('POST', 'requests/reset');
      const started = performance.now();
      const result = await run();
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
      const log = (await admin('GET', 'requests')) as { entries: Array<{ batchRequestId?: string }> };
      const trips = log.entries.filter((e) => !e.batchRequestId).length; if (process.env.TRACE) { console.log("## " + name); for (const e of log.entries as any[]) console.log("   ", e.batchRequestId ? "  (in batch)" : "", e.method, String(e.url ?? e.path).replace(/sites\/[^/]+\/lists\//, "L/").slice(0, 170)); }
      const floor = trips * LATENCY_MS;
      rows.push(`| ${name} | ${trips} | ${Math.round(ms)} | ${floor} | ${Math.round(ms - floor)} |`);
      return result.value;
    };
    const opened = await measure('submitReferral (new child)', () =>
      submitReferral(world.deps, adminUser, referral(school.id, { child: childDetails(school.id, { lastName: 'Benchley' }) })),
    );
    const caseId = seenOutcome(opened).case.id;
    await measure('requestInformation', () => requestInformation(world.deps, adminUser, { caseId }));
    await measure('allocateCase', () => allocateCase(world.deps, manager, { caseId, workerId: people.worker }));
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
    await measure('decideContract (approve)', () => decideContract(world.deps, manager, { contractId: drafted.contract.id, decision: 'approve' }));
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
    console.log(`Graph round trips and time per use case, ${LATENCY_MS} ms latency injected per Graph request\n`);
    console.log('| use case | round trips | time (ms) | floor (ms) | over floor (ms) |');
    console.log('|---|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
