/**
 * Cold against warm: the first card action of a freshly started app (its Staff, Schools and
 * Purchases cache empty) and the same action again, each through /api/messages on the embedded
 * Graph. Then the typed commands `case <ref>` and `my cases`, warm. Budgets in budgets.ts.
 */
import { actionOf, cardText } from '../cards/cardWorld';
import { caseSteps, childDetails } from '../support/caseSteps';
import { coldBudgets, messageBudgets, warmBudgets } from './budgets';
import { measuredTable, startRoundTripBot, type RoundTripBot } from './roundTripBot';

jest.setTimeout(300_000);

let rt: RoundTripBot;
/** A case at step 3 (allocated to the worker, information back). */
let caseAt3: { caseId: string; reference: string };
const rows: string[] = [];

beforeAll(async () => {
  rt = await startRoundTripBot();
  const steps = caseSteps(rt.world);
  const school = await rt.world.schoolByUrn('100001');
  const opened = await steps.refer('100001', { child: childDetails(school.id, { lastName: 'Ormesgill' }) });
  await steps.allocate(opened.case.id, 'worker');
  await steps.informationReturned(opened.case.id);
  caseAt3 = { caseId: opened.case.id, reference: opened.case.reference };
  rt.world.memory.clock.set('2026-09-21T15:00:00Z');
});
afterAll(async () => {
  if (!rt) return;
  console.log(`Graph round trips, first action of a freshly started app (cold) and the same again (warm):\n| verb | cold | warm | cold, in order | warm, in order |\n|---|---:|---:|---|---|\n${rows.join('\n')}`);
  console.log(`Graph round trips per chat command, warm:\n${measuredTable(rt.measured.filter((m) => Object.hasOwn(messageBudgets, m.name)), (name) => messageBudgets[name as keyof typeof messageBudgets]?.roundTrips)}`);
  await rt.stop();
});

type ColdVerb = keyof typeof coldBudgets;

describe('Graph round trips, cold (first action after start) and warm', () => {
  /** Two clicks of `verb` on an app started just now, over the same site: the first cold, the second warm. */
  const coldThenWarm = async (verb: ColdVerb, first: Record<string, unknown>, second: Record<string, unknown>) => {
    const fresh = await rt.botOver(rt.coldDeps());
    try {
      const cold = await fresh.act('worker', verb, first, `cold-${verb}`);
      const warm = await fresh.act('worker', verb, second, `cold-${verb}`);
      rows.push(`| ${verb} | ${cold.traffic.roundTrips} | ${warm.traffic.roundTrips} | ${cold.traffic.trips.join(", ")} | ${warm.traffic.trips.join(", ")} |`);
      expect({ verb, cold: cold.traffic.roundTrips <= coldBudgets[verb].roundTrips, warm: warm.traffic.roundTrips <= warmBudgets[verb].roundTrips })
        .toEqual({ verb, cold: true, warm: true });
      // What makes it cold is reading the reference lists: the warm repeat never costs more.
      expect(warm.traffic.roundTrips).toBeLessThanOrEqual(cold.traffic.roundTrips);
      return { cold, warm };
    } finally {
      await fresh.close();
    }
  };

  it('case.open', async () => {
    const { caseId } = caseAt3;
    const { warm } = await coldThenWarm('case.open', { caseId }, { caseId });
    expect(cardText(warm.card)).toContain(caseAt3.reference);
  });

  it('cases.mine', async () => {
    const { warm } = await coldThenWarm('cases.mine', {}, {});
    expect(cardText(warm.card)).toContain(caseAt3.reference);
  });

  it('chronology.submit (two entries, from forms the running app drew)', async () => {
    const form = async () => actionOf((await rt.act('worker', 'chronology.open', { caseId: caseAt3.caseId }, 'forms')).card, 'chronology.submit').data;
    const typed = { on: '2026-09-21', category: 'update-to-home', note: 'Phoned the parent: settled week.' };
    const [first, second] = [await form(), await form()];
    const { warm } = await coldThenWarm('chronology.submit', { ...first, ...typed }, { ...second, ...typed });
    expect(cardText(warm.card)).toContain('Chronology entry added');
  });
});

describe('Graph round trips per chat command, warm', () => {
  it('case <ref> and my cases', async () => {
    const byReference = await rt.say('worker', `case ${caseAt3.reference}`);
    expect(cardText(byReference.card)).toContain(caseAt3.reference);
    const mine = await rt.say('worker', 'my cases');
    expect(cardText(mine.card)).toContain(caseAt3.reference);
    for (const [name, measured] of [['case <ref>', byReference], ['my cases', mine]] as const) {
      expect({ name, within: measured.traffic.roundTrips <= messageBudgets[name].roundTrips }).toEqual({ name, within: true });
    }
  });
});
