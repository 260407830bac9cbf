import { CasePage, Caseload, routes, type CaseRow } from '../../tab/contract/api';
import { raiseSafeguardingConcern, requestInformation } from '../../workflow';
import { key, people, value } from '../support/world';
import { startTab } from './tabHarness';

type Tab = Awaited<ReturnType<typeof startTab>>;

/**
 * Four cases: two of Harriet Lunde's (one with a meeting booked and a chaser queued, one of a child
 * named in Cyrillic), one of Tomasz Frey's with a safeguarding concern, one not yet allocated.
 */
async function caseload() {
  const tab = await startTab();
  const { world, steps } = tab;
  const chloe = await tab.referred('Chloé', 'Brontë');
  await steps.allocate(chloe.id, 'worker');
  value(await requestInformation(world.deps, await world.staff(people.admin), { caseId: chloe.id }));
  const at = '2026-09-18T09:00:00.000Z';
  await world.deps.stores.meetings.create(
    {
      caseId: chloe.id, kind: 'school-meeting', status: 'booked', organiserId: people.worker, eventId: 'event-1', transactionId: 'meeting-tx-0001',
      start: '2026-09-24T09:00:00.000Z', end: '2026-09-24T10:00:00.000Z', online: true, joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc', attendees: [], phoneInstead: false,
      createdBy: people.worker, createdAt: at, updatedBy: people.worker, updatedAt: at,
    },
    'meeting-1',
  );
  const dmitri = await tab.referred('Дмитрий', 'Соколов', '100002');
  await steps.allocate(dmitri.id, 'worker');
  const theirs = await tab.referred('Ellis', 'Quarrington', '100003');
  await steps.allocate(theirs.id, 'otherWorker');
  value(await raiseSafeguardingConcern(world.deps, await world.staff(people.otherWorker), { caseId: theirs.id, requestKey: key('sg'), concern: 'Unexplained bruise.', actionTaken: 'Told the DSL.' }));
  const waiting = await tab.referred('Sam', 'Unallocated', '100001');
  return { tab, chloe, dmitri, theirs, waiting };
}

const list = async (tab: Tab, who: Parameters<Tab['get']>[1], query = '') => {
  const answer = await tab.get(`${routes.cases}${query}`, who);
  expect(answer.status).toBe(200);
  return Caseload.parse(answer.body);
};
const references = (page: Caseload) => page.rows.map((r) => r.reference);

describe('GET /tab/api/cases: the caseload', () => {
  let c: Awaited<ReturnType<typeof caseload>>;
  beforeAll(async () => {
    c = await caseload();
  });

  it('a worker lists their own active cases; a worker filter is ignored; they get no workers to filter by', async () => {
    const own = await list(c.tab, 'worker');
    expect(references(own).sort()).toEqual([c.chloe.reference, c.dmitri.reference].sort());
    expect(own.workers).toEqual([]);
    expect(own.total).toBe(2);
    expect(references(await list(c.tab, 'worker', `?worker=${people.otherWorker}`)).sort()).toEqual(references(own).sort());
  });

  it('a manager lists every case, filters by worker, and gets the workers to filter by', async () => {
    const all = await list(c.tab, 'manager');
    expect(all.total).toBe(4);
    expect(all.workers.map((w) => w.displayName)).toContain('Tomasz Frey');
    expect(all.workers.map((w) => w.displayName)).not.toContain('Priya Calloway');
    expect(references(await list(c.tab, 'manager', `?worker=${people.otherWorker}`))).toEqual([c.theirs.reference]);
    expect((await list(c.tab, 'admin', '?status=closed')).total).toBe(0);
    expect((await list(c.tab, 'admin', '?status=all')).total).toBe(4);
  });

  it('each row: step, status line and next action from caseProgress, the next meeting with its Teams link, what is due in words', async () => {
    const rows = (await list(c.tab, 'worker')).rows;
    const row = rows.find((r) => r.caseId === c.chloe.id) as CaseRow;
    expect(row).toMatchObject({
      childName: 'Chloé Brontë',
      schoolName: 'Alderbrook Primary School',
      workerId: people.worker,
      workerName: 'Harriet Lunde',
      status: 'open',
      step: 2,
      stepName: 'Initial information gathering',
      statusLine: 'Step 2 of 10: Initial information gathering',
      nextAction: 'Record the returned information form and PDP when the school sends them back',
      nextMeeting: { kind: 'school-meeting', label: 'Initial school meeting', start: '2026-09-24T09:00:00.000Z', online: true, joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' },
    });
    expect(row.due).toEqual([expect.objectContaining({ what: 'Remind the school of the information form', overdue: false })]);
    expect(row.hours).toBeUndefined();
    expect(rows.find((r) => r.caseId === c.dmitri.id)).toMatchObject({ childName: 'Дмитрий Соколов', due: [] });
  });

  it('searches reference, child, school and worker, in any case, accents or script', async () => {
    expect(references(await list(c.tab, 'manager', `?q=${encodeURIComponent('chloe BRONTE')}`))).toEqual([c.chloe.reference]);
    expect(references(await list(c.tab, 'manager', `?q=${encodeURIComponent('СОКОЛОВ')}`))).toEqual([c.dmitri.reference]);
    expect(references(await list(c.tab, 'manager', `?q=${c.theirs.reference.toLowerCase()}`))).toEqual([c.theirs.reference]);
    expect(references(await list(c.tab, 'manager', '?q=kestrel'))).toEqual([c.theirs.reference]);
    expect(references(await list(c.tab, 'manager', '?q=frey'))).toEqual([c.theirs.reference]);
    expect((await list(c.tab, 'manager', '?q=nobody-like-this')).total).toBe(0);
    // A worker's search stays within their cases.
    expect((await list(c.tab, 'worker', '?q=quarrington')).total).toBe(0);
  });

  it('sorts and pages on the server: total over all pages, rows of the page asked', async () => {
    const byChild = await list(c.tab, 'manager', '?sort=child&dir=desc');
    expect(byChild.rows.map((r) => r.childName)).toEqual(['Дмитрий Соколов', 'Sam Unallocated', 'Ellis Quarrington', 'Chloé Brontë']);
    const second = await list(c.tab, 'manager', '?sort=child&dir=desc&page=2&pageSize=3');
    expect(second).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(second.rows.map((r) => r.childName)).toEqual(['Chloé Brontë']);
    const byMeeting = await list(c.tab, 'manager', '?sort=nextMeeting&dir=desc');
    // No meeting comes last whichever the direction.
    expect(byMeeting.rows[0]?.caseId).toBe(c.chloe.id);
    const byWorker = await list(c.tab, 'manager', '?sort=worker');
    expect(byWorker.rows.at(-1)?.caseId).toBe(c.waiting.id);
  });

  it('the child\'s name is an audited read for the rows shown only', async () => {
    c.tab.world.memory.clock.advance(60_000);
    const before = c.tab.world.memory.audit.all().length;
    await list(c.tab, 'manager', '?sort=reference&pageSize=2&q=a');
    const listed = c.tab.world.memory.audit.all().slice(before);
    expect(listed.map((e) => e.action)).toEqual(['case.listed', 'case.listed']);
    expect(listed.every((e) => e.actorId === people.manager)).toBe(true);
  });

  it('the DSL lists their own cases and, marked as such, the cases with a safeguarding concern', async () => {
    const dsl = await list(c.tab, 'dsl');
    expect(references(dsl)).toEqual([c.theirs.reference]);
    const entries = c.tab.world.memory.audit.all().filter((e) => e.actorId === people.dsl && e.action === 'case.listed');
    expect(entries.at(-1)?.detail).toEqual({ access: 'safeguarding' });
  });

  it('the DSL opens a case with a concern (page and card) as the DSL; a worker on it still gets 403', async () => {
    const page = await c.tab.get(routes.case(c.theirs.id), 'dsl');
    expect(page.status).toBe(200);
    expect(CasePage.parse(page.body)).toMatchObject({ asDsl: true, reference: c.theirs.reference });
    expect(CasePage.parse(page.body).chronology.map((r) => r.kind)).toContain('safeguarding-concern');
    expect((await c.tab.get(routes.caseCard(c.theirs.id), 'dsl')).status).toBe(200);
    expect((await c.tab.get(routes.caseCard(c.chloe.id), 'dsl')).status).toBe(403);
    expect((await c.tab.get(routes.case(c.theirs.id), 'worker')).status).toBe(403);
  });

  it('400 naming the problem for a query it cannot read', async () => {
    for (const [query, named] of [
      ['?pageSize=500', 'pageSize'],
      ['?page=0', 'page'],
      ['?sort=colour', 'sort'],
      ['?status=lost', 'status'],
      ['?worker=someone', 'worker'],
      ['?colour=red', 'colour'],
      [`?q=${'x'.repeat(101)}`, 'q'],
    ] as const) {
      const answer = await c.tab.get(`${routes.cases}${query}`, 'manager');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'ValidationFailed', error: expect.stringContaining(named) });
    }
  });
});

describe('GET /tab/api/cases over many cases at one school', () => {
  it('a search reads that school\'s children with one query, not one read per case, and audits the rows shown only', async () => {
    const tab = await startTab();
    const names = ['Wren', 'Ivo', 'Maëlle', 'Otto', 'Pia', 'Rufus', 'Suki', 'Teo', 'Una', 'Vito', 'Wilf', 'Xena', 'Yuri', 'Zara', 'Abel', 'Bea', 'Cyd', 'Dov', 'Eda', 'Fox', 'Gus', 'Hal'];
    for (const first of names) await tab.referred(first, 'Pemberly');
    const children = tab.world.deps.stores.children;
    const calls = { get: 0, find: 0 };
    const [get, find] = [children.get.bind(children), children.find.bind(children)];
    children.get = (id) => (calls.get++, get(id));
    children.find = (filter) => (calls.find++, find(filter));
    const before = tab.world.memory.audit.all().length;
    const found = Caseload.parse((await tab.get(`${routes.cases}?q=maelle`, 'manager')).body);
    expect(found.rows.map((r) => r.childName)).toEqual(['Maëlle Pemberly']);
    expect(calls).toEqual({ get: 0, find: 1 });
    expect(tab.world.memory.audit.all().slice(before).map((e) => e.action)).toEqual(['case.listed']);
  });
});
