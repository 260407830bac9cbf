import { CardAnswer, CasePage, Caseload, routes } from '../../tab/contract/api';
import { cardText, executeActions } from '../cards/cardWorld';
import { people } from '../support/world';
import { startTab } from './tabHarness';

describe('GET /tab/api/cases/:caseId and its card', () => {
  let tab: Awaited<ReturnType<typeof startTab>>;
  let caseId: string;
  let reference: string;
  beforeAll(async () => {
    tab = await startTab({ now: '2026-10-08T09:00:00Z' });
    const inForce = await tab.steps.toContractInForce();
    caseId = inForce.caseId;
    await tab.steps.support(caseId, '2026-10-06');
    reference = (await tab.world.deps.stores.cases.get(caseId))?.reference ?? '';
  });

  it('the case page: steps done, current and next, every record newest first, contracts with approval in words, hours', async () => {
    const answer = await tab.get(routes.case(caseId), 'worker');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const page = CasePage.parse(answer.body);
    expect(page).toMatchObject({ caseId, reference, childName: 'Rowan Testfield', schoolName: 'Alderbrook Primary School', workerName: 'Harriet Lunde', status: 'open', asDsl: false });
    expect(page.statusLine).toBe('Step 8 of 10: Support begins');
    expect(page.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done', 'current', 'next', 'next']);
    expect(page.steps[2]).toMatchObject({ number: 3, name: 'Initial observation', at: expect.stringMatching(/^2026-10-08T/) });
    expect(page.steps.slice(7).every((s) => s.at === undefined)).toBe(true);
    expect(page.chronology.find((r) => r.kind === 'support-session')).toMatchObject({ title: 'Support session', date: '2026-10-06', by: expect.stringContaining('Harriet Lunde') });
    const document = page.chronology.find((r) => r.kind === 'document');
    expect(document?.title).not.toBe('Document');
    expect(document?.url).toEqual(expect.stringMatching(/^https:\/\//));
    const dates = page.chronology.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.chronology.find((r) => r.kind === 'observation')?.summary).toContain('Settles with adult proximity');
    expect(page.contracts).toEqual([expect.objectContaining({ version: 1, status: 'Approved', approval: expect.stringContaining('Approved by Morgan Ashby'), targets: ['Uses calm corner when dysregulated'] })]);
    expect(page.hours).toMatchObject({ used: 1.5 });
    expect(page.hours?.bought).toBeGreaterThan(0);
    expect(tab.world.memory.audit.all().filter((e) => e.action === 'case.read' && e.caseId === caseId && e.actorId === people.worker).length).toBeGreaterThan(0);
  });

  it('the caseload row has the same hours; sorted by hours left it comes first among those with hours', async () => {
    const rows = Caseload.parse((await tab.get(`${routes.cases}?sort=hoursLeft`, 'manager')).body).rows;
    expect(rows[0]).toMatchObject({ caseId, step: 8, hours: { used: 1.5 } });
  });

  it('403 for a worker on another\'s case, 404 for an unknown case, 400 for an id that is not one', async () => {
    const theirs = await tab.get(routes.case(caseId), 'otherWorker');
    expect(theirs.status).toBe(403);
    expect(theirs.body).toMatchObject({ code: 'NotYourCase', error: `Case ${reference} is not on your caseload.` });
    expect((await tab.get(routes.case('987654'), 'manager')).status).toBe(404);
    const bad = await tab.get(routes.case('abc'), 'manager');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('list item id');
    expect((await tab.get(routes.case(caseId))).status).toBe(401);
  });

  it('the case card: the bot\'s case card for this person, with its actions; refused and unknown cases as the page', async () => {
    const answer = await tab.get(routes.caseCard(caseId), 'worker');
    expect(answer.status).toBe(200);
    const { card } = CardAnswer.parse(answer.body);
    expect(card.type).toBe('AdaptiveCard');
    expect(cardText(card as never)).toContain(reference);
    expect(executeActions(card as never).map((a) => a.verb)).toContain('support-session.open');
    expect((await tab.get(routes.caseCard(caseId), 'otherWorker')).status).toBe(403);
    expect((await tab.get(routes.caseCard('987654'), 'worker')).status).toBe(404);
    expect((await tab.get(routes.caseCard('x1'), 'worker')).status).toBe(400);
  });
});
