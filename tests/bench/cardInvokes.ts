/**
 * `npm run bench` (second part): the bot's card actions as Teams sends them, `adaptiveCard/action`
 * invokes POSTed to the app's real /api/messages, with the app's bot on the embedded Graph (in its
 * own process, as the product runs it) and a connector standing in for Teams. For a representative
 * set of verbs, N repetitions each at 0 ms and 100 ms latency injected on every Graph request:
 * median and p95 of the invoke's response time, how often the interim ("Recording it…") card
 * answered, and the median time until the work behind it was done. Then the memory of this process
 * (the app) and of the emulator's. Not a test: numbers vary with the machine; read them.
 *
 * Usage: tsx tests/bench/cardInvokes.ts [--reps=N] (default 10).
 */
import { readFileSync } from 'node:fs';
import { interimCardAfterMs } from '../../app/bot/mountBot';
import { workingCard, type AdaptiveCardJson } from '../../bot/cards';
import { cardOf, invokeCard, startBot } from '../bot/botHarness';
import { actionOf, cardText } from '../cards/cardWorld';
import { childDetails, caseSteps } from '../support/caseSteps';
import { people } from '../support/world';
import { startBenchGraph } from './benchGraph';

const latencies = [0, 100] as const;
const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.slice('--reps='.length) ?? 10);

interface Sample {
  verb: string;
  latencyMs: number;
  /** POST /api/messages until the invoke's response (what Teams waits for, at most ~5 s). */
  responseMs: number;
  /** The response was the interim card; the real one came later as an update of the message. */
  interim: boolean;
  /** POST until the work behind the click was finished (background work drained). */
  doneMs: number;
}

const observationTyped = {
  observedOn: '2026-09-21', setting: 'Year 4 classroom, maths', focus: 'classroom', outcome: 'Settles with an adult nearby; struggles at transitions.',
  wayForward: 'Transition warnings and a calm corner.', strategiesInUse: 'Visual timetable', strategiesPartly: '', strategiesNotWorking: '', strategiesNotInUse: '',
};
const contractTyped = (purchaseIds: string) => ({
  targets: 'Uses the calm corner when dysregulated\nJoins the class line after break', support: 'Weekly 1:1 sessions and modelling for the class team',
  purchaseIds, startDate: '2026-10-05', reviewDate: '2026-12-10', namedApprovers: '',
});

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
/** A number as letters (a child's name may not carry digits: the match key drops them). */
const lettersOf = (n: number): string => (n <= 0 ? '' : lettersOf(Math.floor((n - 1) / 26)) + String.fromCharCode(97 + ((n - 1) % 26)));
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The resident memory of another process (Linux), or undefined. */
function rssOf(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps must be a whole number of at least 1, not ${reps}`);
  const { embedded, world, setLatency, stop } = await startBenchGraph('bench-invokes');
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
      const started = performance.now();
      const answer = await bot.click(who, verb, data, replyToId);
      const responseMs = performance.now() - started;
      if (answer.status !== 200) throw new Error(`${verb}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
      const card = invokeCard(answer.body);
      await bot.bot.drain();
      const doneMs = performance.now() - started;
      const interim = JSON.stringify(card) === JSON.stringify(workingCard(verb));
      samples.push({ verb, latencyMs, responseMs, interim, doneMs });
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

    console.log(`\nCard actions through POST /api/messages (adaptiveCard/action), ${reps} repetitions per verb; interim card after ${interimCardAfterMs} ms\n`);
    console.log('| verb | Graph latency (ms) | median response (ms) | p95 response (ms) | interim card used | median done (ms) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    const verbs = [...new Set(samples.map((s) => s.verb))];
    for (const verb of verbs) {
      for (const latencyMs of latencies) {
        const of = samples.filter((s) => s.verb === verb && s.latencyMs === latencyMs);
        const response = of.map((s) => s.responseMs);
        const interim = of.filter((s) => s.interim).length;
        console.log(
          `| ${verb} | ${latencyMs} | ${Math.round(percentile(response, 50))} | ${Math.round(percentile(response, 95))} | ${interim === 0 ? 'no' : `${interim} of ${of.length}`} | ${Math.round(percentile(of.map((s) => s.doneMs), 50))} |`,
        );
      }
    }
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
