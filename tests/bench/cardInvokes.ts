/**
 * `npm run bench` (second part): the bot's card actions as Teams sends them, `adaptiveCard/action`
 * invokes POSTed to the app's real /api/messages, with the app's bot on the embedded Graph (in its
 * own process, as the product runs it) and a connector standing in for Teams. For a representative
 * set of verbs, N repetitions each at 0, 100 and 300 ms latency injected on every Graph request:
 * each click's Graph cost (requests, calls, round trips, resource units, background work included),
 * median and p95 of the invoke's response time, its ratio to round trips x latency, how often the
 * interim ("Recording it…") card answered, and the median time until the work behind it was done.
 * Then the memory of this process (bench and app together; appMemory.ts measures the app alone) and
 * of the emulator's. Not a test: numbers vary with the machine; read them.
 *
 * Usage: tsx tests/bench/cardInvokes.ts [--reps=N] (default 5).
 */
import { interimCardAfterMs } from '../../app/bot/mountBot';
import { workingCard, type AdaptiveCardJson } from '../../bot/cards';
import { cardOf, invokeCard, startBot } from '../bot/botHarness';
import { actionOf, cardText } from '../cards/cardWorld';
import { childDetails, caseSteps } from '../support/caseSteps';
import { people } from '../support/world';
import { rssOf } from './appProcess';
import { startBenchGraph } from './benchGraph';
import { lettersOf, mb, ms, numberOption, percentile, printMachine, printTable, ratio } from './benchReport';
import { costOfLog, type GraphCost } from './graphCost';

const latencies = [0, 100, 300] as const;
/** The latency whose costs the cost columns show (round trips need latency to be told apart). */
const costAt = 100;
const reps = numberOption('reps', 5);

interface Sample {
  verb: string;
  latencyMs: number;
  /** POST /api/messages until the invoke's response (what Teams waits for, at most ~5 s). */
  responseMs: number;
  /** The response was the interim card; the real one came later as an update of the message. */
  interim: boolean;
  /** POST until the work behind the click was finished (background work drained). */
  doneMs: number;
  /** Graph cost of the click, its background work included. */
  cost: GraphCost;
}

const observationTyped = {
  observedOn: '2026-09-21', setting: 'Year 4 classroom, maths', focus: 'classroom', outcome: 'Settles with an adult nearby; struggles at transitions.',
  wayForward: 'Transition warnings and a calm corner.', strategiesInUse: 'Visual timetable', strategiesPartly: '', strategiesNotWorking: '', strategiesNotInUse: '',
};
const contractTyped = (purchaseIds: string) => ({
  targets: 'Uses the calm corner when dysregulated\nJoins the class line after break', support: 'Weekly 1:1 sessions and modelling for the class team',
  purchaseIds, startDate: '2026-10-05', reviewDate: '2026-12-10', namedApprovers: '',
});

async function main(): Promise<void> {
  const { embedded, world, admin, setLatency, stop } = await startBenchGraph('bench-invokes');
  let harness: Awaited<ReturnType<typeof startBot>> | undefined;
  try {
    const steps = caseSteps(world);
    const school = await world.schoolByUrn('100001');
    const silver = (await world.deps.stores.purchases.find({ schoolId: school.id })).find((p) => p.packageCode === 'silver');
    if (!silver) throw new Error('the demo school has no Silver package');
    harness = await startBot(world.deps);
    const bot = harness;

    const samples: Sample[] = [];
    let messages = 0;
    /**
     * A click on a button of the message `replyToId`, timed; answers the card the user ends up
     * seeing (the invoke's card, or, after the interim card, the update of the message).
     */
    const click = async (latencyMs: number, who: string, verb: string, data: Record<string, unknown>): Promise<AdaptiveCardJson> => {
      const replyToId = `bench-msg-${++messages}`;
      await admin('POST', 'requests/reset');
      const started = performance.now();
      const answer = await bot.click(who, verb, data, replyToId);
      const responseMs = performance.now() - started;
      if (answer.status !== 200) throw new Error(`${verb}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
      const card = invokeCard(answer.body);
      await bot.bot.drain();
      const doneMs = performance.now() - started;
      const interim = JSON.stringify(card) === JSON.stringify(workingCard(verb));
      samples.push({ verb, latencyMs, responseMs, interim, doneMs, cost: costOfLog(await admin('GET', 'requests'), latencyMs) });
      if (!interim) return card;
      const update = bot.connector.sent.filter((s) => s.method === 'PUT' && s.activityId === replyToId).at(-1);
      return cardOf(update);
    };

    let child = 0;
    for (const latencyMs of latencies) {
      for (let rep = 0; rep < reps; rep++) {
        // Set up at 0 ms through the use cases: a case at step 3 and one at step 7, each a new child.
        await setLatency(0);
        world.memory.clock.set('2026-09-14T09:00:00Z');
        const refer = () => steps.refer('100001', { child: childDetails(school.id, { lastName: `Bench${lettersOf(++child)}` }) });
        const atStep3 = (await refer()).case.id;
        await steps.allocate(atStep3, 'worker');
        await steps.informationReturned(atStep3);
        const atStep7 = (await refer()).case.id;
        await steps.allocate(atStep7, 'worker');
        await steps.informationReturned(atStep7);
        await steps.observe(atStep7);
        await steps.schoolMeeting(atStep7);
        await steps.homeVisit(atStep7);
        await steps.observe(atStep7, '2026-09-30');

        await setLatency(latencyMs);
        // The observation is recorded on its day, as is the time (nothing is dated in the future).
        world.memory.clock.set('2026-09-21T15:00:00Z');
        const worker = people.worker;
        await click(latencyMs, worker, 'cases.mine', {});
        const caseCard = await click(latencyMs, worker, 'case.open', { caseId: atStep3 });
        const observationForm = await click(latencyMs, worker, 'observation.open', actionOf(caseCard, 'observation.open').data);
        const observed = await click(latencyMs, worker, 'observation.submit', { ...actionOf(observationForm, 'observation.submit').data, ...observationTyped });
        if (!cardText(observed).includes('Observation recorded')) throw new Error(`observation.submit: ${cardText(observed)}`);

        const draftForm = await click(latencyMs, worker, 'contract-draft.open', { caseId: atStep7 });
        const drafted = await click(latencyMs, worker, 'contract-draft.submit', { ...actionOf(draftForm, 'contract-draft.submit').data, ...contractTyped(silver.id) });
        if (!cardText(drafted).includes('Contract version 1 drafted')) throw new Error(`contract-draft.submit: ${cardText(drafted)}`);
        const [contract] = await world.deps.stores.contracts.find({ caseId: atStep7 });
        const approval = await click(latencyMs, people.manager, 'contract.view', { contractId: contract?.id ?? '' });
        const approved = await click(latencyMs, people.manager, 'contract-decision.submit', actionOf(approval, 'contract-decision.submit').data);
        if (!cardText(approved).includes('The contract is in force')) throw new Error(`contract-decision.submit: ${cardText(approved)}`);
        world.memory.clock.set('2026-10-06T15:00:00Z');
        const timeForm = await click(latencyMs, worker, 'time.open', { caseId: atStep7 });
        const logged = await click(latencyMs, worker, 'time.submit', { ...actionOf(timeForm, 'time.submit').data, on: '2026-10-06', hours: '1.5', activity: 'direct-work' });
        if (!cardText(logged).includes('Time logged')) throw new Error(`time.submit: ${cardText(logged)}`);
        const chronologyForm = await click(latencyMs, worker, 'chronology.open', { caseId: atStep7 });
        await click(latencyMs, worker, 'chronology.submit', { ...actionOf(chronologyForm, 'chronology.submit').data, on: '2026-10-07', category: 'update-to-home', note: 'Phoned the parent: a good week.' });
      }
    }
    await setLatency(0);

    const verbs = [...new Set(samples.map((s) => s.verb))];
    const of = (verb: string, latencyMs: number) => samples.filter((s) => s.verb === verb && s.latencyMs === latencyMs);
    const median = (values: number[]) => percentile(values, 50);
    const costRange = (values: number[]) => (Math.min(...values) === Math.max(...values) ? String(values[0]) : `${median(values)} (${Math.min(...values)}–${Math.max(...values)})`);
    printTable(
      `Card actions through POST /api/messages (adaptiveCard/action), ${reps} repetitions per verb and latency; Graph cost at ${costAt} ms, median (range) when the repetitions differ, background work included; times in ms; interim card after ${interimCardAfterMs} ms. Targets: at most 2 round trips warm, 3 cold; p95 at 300 ms at most 1 s`,
      ['verb', 'requests', 'calls', 'round trips', 'resource units', ...latencies.map((l) => `median at ${l} ms`), ...latencies.map((l) => `p95 at ${l} ms`), ...latencies.filter((l) => l > 0).map((l) => `median done ÷ (trips × ${l})`), 'interim card used', `median done at ${latencies.at(-1)} ms`],
      verbs.map((verb) => {
        const costed = of(verb, costAt).map((s) => s.cost);
        const interim = samples.filter((s) => s.verb === verb && s.interim).length;
        const slowest = of(verb, latencies.at(-1) ?? 0);
        return [
          verb,
          costRange(costed.map((c) => c.requests)),
          costRange(costed.map((c) => c.calls)),
          costRange(costed.map((c) => c.roundTrips)),
          costRange(costed.map((c) => c.resourceUnits)),
          ...latencies.map((l) => ms(median(of(verb, l).map((s) => s.responseMs)))),
          ...latencies.map((l) => ms(percentile(of(verb, l).map((s) => s.responseMs), 95))),
          // Until done, not the response: an interim card answers early while the work goes on.
          ...latencies.flatMap((l) => (l > 0 ? [ratio(median(of(verb, l).map((s) => s.doneMs)), median(of(verb, l).map((s) => s.cost.roundTrips)), l)] : [])),
          interim === 0 ? 'no' : `${interim} of ${samples.filter((s) => s.verb === verb).length}`,
          ms(median(slowest.map((s) => s.doneMs))),
        ];
      }),
    );
    printMachine();
    const memory = process.memoryUsage();
    const emulatorRss = rssOf(embedded.info.pid);
    console.log(`\nMemory after ${samples.length} invokes: app process RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, external ${mb(memory.external)}` +
      (emulatorRss === undefined ? '' : `; emulator process RSS ${mb(emulatorRss)}`));
  } finally {
    await harness?.close();
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
