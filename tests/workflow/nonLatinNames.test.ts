import { closeEarly, hasRole, submitReferral, type ReferralOutcome } from '../../workflow';
import { latinOnlyMatchKey } from '../../workflow/usecases/referral/childIdentity';
import { caseSteps, childDetails, referral, seenOutcome } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value, type World } from '../support/world';

type Person = keyof typeof people;

async function referAs(world: World, who: Person, child: Record<string, unknown>, overrides: Record<string, unknown> = {}): Promise<ReferralOutcome> {
  const school = await world.schoolByUrn('100001');
  return value(await submitReferral(world.deps, await world.staff(people[who]), referral(school.id, { child: childDetails(school.id, child), ...overrides })));
}

const sameBirthday = { dateOfBirth: '2016-05-02' };
const ivan = { firstName: 'Иван', lastName: 'Петров', ...sameBirthday };
const li = { firstName: '李', lastName: '王', ...sameBirthday };
const omega = { firstName: 'Ωμέγα', lastName: 'Αλφα', ...sameBirthday };

/** Everyone told of a re-referral on a case of `workerId`: the worker, then every other active manager. */
async function caseTeam(world: World, workerId: string | undefined) {
  const active = await world.deps.stores.staff.find({ active: true });
  const worker = active.filter((s) => s.userId === workerId);
  return [...worker, ...active.filter((s) => hasRole(s, 'manager') && s.userId !== workerId)];
}

describe('Non-Latin names collapse: re-referral matching keeps every script', () => {
  it('Иван Петров, 李 王 and Ωμέγα Αλφα with the same date of birth and school are three children with three cases', async () => {
    const world = await buildWorld();
    const outcomes = [await referAs(world, 'admin', ivan), await referAs(world, 'admin', li), await referAs(world, 'admin', omega)].map(seenOutcome);
    expect(outcomes.map((o) => o.outcome)).toEqual(['case-opened', 'case-opened', 'case-opened']);
    expect(new Set(outcomes.map((o) => o.case.id)).size).toBe(3);
    expect(new Set(outcomes.map((o) => o.child.matchKey)).size).toBe(3);
    expect(outcomes.map((o) => `${o.child.firstName} ${o.child.lastName}`)).toEqual(['Иван Петров', '李 王', 'Ωμέγα Αλφα']);
  });

  it('the same child typed differently (case, spaces, invisible characters, NFD, full width) is found again', async () => {
    const world = await buildWorld();
    const spellings: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [ivan, { firstName: ' ИВАН\u200B', lastName: 'пет-ров' }],
      [li, { firstName: '李\uFEFF', lastName: ' 王 ' }],
      [omega, { firstName: 'ΩΜΈΓΑ', lastName: 'Αλφα.' }],
      [{ firstName: 'محمد', lastName: 'علي' }, { firstName: 'محمد\u200F', lastName: 'عل\u200Cي' }],
      [{ firstName: 'José', lastName: 'Núñez' }, { firstName: 'JOSE\u0301', lastName: 'NU\u0301N\u0303EZ' }],
      [{ firstName: 'Rowan', lastName: 'Testfield' }, { firstName: 'ＲＯＷＡＮ', lastName: 'ｔｅｓｔｆｉｅｌｄ' }],
    ];
    for (const [first, again] of spellings) {
      const opened = seenOutcome(await referAs(world, 'admin', first));
      const linked = seenOutcome(await referAs(world, 'admin', { ...first, ...again }));
      expect([first.firstName, linked.outcome, linked.case.id]).toEqual([first.firstName, 'existing-open-case', opened.case.id]);
    }
  });

  it('a child recorded under the old Latin-only key is found again by the names themselves, and only then', async () => {
    const world = await buildWorld();
    const zoe = seenOutcome(await referAs(world, 'admin', { firstName: 'Zoë', lastName: 'Brontë' }));
    const vera = seenOutcome(await referAs(world, 'admin', { firstName: 'Вера', lastName: 'Орлова', ...sameBirthday }));
    for (const c of [zoe.child, vera.child]) await world.deps.stores.children.update(c.id, { matchKey: latinOnlyMatchKey(c) }, c.etag);
    expect(seenOutcome(await referAs(world, 'admin', { firstName: 'ZOË', lastName: 'brontë' })).case.id).toBe(zoe.case.id);
    // Every Cyrillic name had the same old key: another Cyrillic child is not taken for Вера.
    const other = seenOutcome(await referAs(world, 'admin', ivan));
    expect(other.outcome).toBe('case-opened');
    expect(other.child.id).not.toBe(vera.child.id);
    expect(seenOutcome(await referAs(world, 'admin', { firstName: 'вера', lastName: 'ОРЛОВА', ...sameBirthday })).case.id).toBe(vera.case.id);
  });

  it('a name with no letter is refused, naming the field and the rule "Plausible facts", and nothing is written', async () => {
    const world = await buildWorld();
    const school = await world.schoolByUrn('100001');
    const admin = await world.staff(people.admin);
    const tries: Array<[Record<string, unknown>, string]> = [
      [{ firstName: '\u200B' }, 'child.firstName'],
      [{ firstName: '\u200B\u200D\uFEFF' }, 'child.firstName'],
      [{ lastName: '12345' }, 'child.lastName'],
      [{ lastName: '-.-' }, 'child.lastName'],
      [{ lastName: '\u3164' }, 'child.lastName'],
      [{ parents: [{ name: '\u200B', relationship: 'mother', parentalResponsibility: true }] }, 'child.parents.0.name'],
    ];
    for (const [child, field] of tries) {
      const refused = errorOf(await submitReferral(world.deps, admin, referral(school.id, { child: childDetails(school.id, child) })));
      expect(refused).toMatchObject({ code: 'ValidationFailed', rule: 'Plausible facts', field });
      expect(refused.message).toMatch(/(first name|last name|parent or carer's name) must have at least one letter \(in any script\)\./);
    }
    expect(await world.deps.stores.children.find({ schoolId: school.id })).toEqual([]);
    expect(await world.deps.stores.cases.find({ schoolId: school.id })).toEqual([]);
  });
});

describe('Non-Latin names collapse: a referral matching a case the referrer may not see', () => {
  async function ivanOnHarrietsCaseload() {
    const world = await buildWorld();
    const opened = seenOutcome(await referAs(world, 'admin', ivan));
    await caseSteps(world).allocate(opened.case.id, 'worker');
    return { world, opened };
  }

  it('reveals neither the child on it nor its reference; the referral is recorded on it, attributed, as entered', async () => {
    const { world, opened } = await ivanOnHarrietsCaseload();
    const outcome = await referAs(world, 'otherWorker', { ...ivan, firstName: 'ИВАН', lastName: 'ПЕТРОВ' }, { reasonForReferral: 'Refuses to enter the classroom after lunch.' });
    if (outcome.outcome !== 'linked-to-unseen-case') throw new Error(`expected a link, got ${outcome.outcome}`);
    const shown = JSON.stringify(outcome);
    for (const secret of [opened.case.reference, opened.child.reference, 'Иван', 'Петров']) expect([secret, shown.includes(secret)]).toEqual([secret, false]);
    for (const id of [opened.case.id, opened.child.id]) expect([id, shown.includes(JSON.stringify(id))]).toEqual([id, false]);
    expect(outcome.entered).toEqual({ firstName: 'ИВАН', lastName: 'ПЕТРОВ' });
    expect(await world.deps.stores.cases.find({ childId: opened.child.id })).toHaveLength(1);

    const [note] = await world.deps.stores.records.find({ caseId: opened.case.id });
    expect(note).toMatchObject({ createdBy: people.otherWorker, body: { kind: 'chronology', category: 're-referral', on: '2026-09-14' } });
    const text = note?.body.kind === 'chronology' ? note.body.note : '';
    expect(text).toContain('Re-referral received from Tomasz Frey on Mon 14 Sep 2026');
    for (const entered of ['first name ИВАН', 'last name ПЕТРОВ', 'born Mon 2 May 2016', 'Refuses to enter the classroom after lunch.', 'Casey Testfield']) expect(text).toContain(entered);
  });

  it('tells the case worker and the managers by case reference only, and the referrer who was told', async () => {
    const { world, opened } = await ivanOnHarrietsCaseload();
    const outcome = await referAs(world, 'otherWorker', ivan);
    const team = await caseTeam(world, people.worker);
    expect(outcome).toMatchObject({ outcome: 'linked-to-unseen-case', told: team.map((s) => ({ name: s.displayName, as: s.userId === people.worker ? 'the case worker' : 'manager' })) });
    const sent = world.memory.notifier.sent.filter((n) => n.kind === 're-referral-linked');
    expect(sent.map((n) => n.recipientId)).toEqual(team.map((s) => s.userId));
    for (const n of sent) {
      expect(n).toMatchObject({ caseId: opened.case.id, caseReference: opened.case.reference });
      expect(n.summary).toContain(opened.case.reference);
      expect(n.summary).toContain('Tomasz Frey');
      expect(n.summary).not.toMatch(/Иван|Петров/);
    }
    const [entry] = (await world.deps.audit.forCase(opened.case.id)).filter((e) => e.action === 'case.re-referral-linked');
    expect(entry).toMatchObject({ actorId: people.otherWorker, detail: { told: team.map((s) => s.userId).join(',') } });
  });

  it('a double click, a retry, and a retry after the case closed: one record, one notification each, never a second case', async () => {
    const { world, opened } = await ivanOnHarrietsCaseload();
    const school = await world.schoolByUrn('100001');
    const otherWorker = await world.staff(people.otherWorker);
    const form = referral(school.id, { child: childDetails(school.id, ivan) });
    const both = await Promise.all([submitReferral(world.deps, otherWorker, form), submitReferral(world.deps, otherWorker, form)]);
    const retried = value(await submitReferral(world.deps, otherWorker, form));
    value(await closeEarly(world.deps, await world.staff(people.manager), { caseId: opened.case.id, reason: 'no-longer-needed' }));
    const afterClosing = value(await submitReferral(world.deps, otherWorker, form));
    for (const o of [...both.map(value), retried, afterClosing]) expect(o.outcome).toBe('linked-to-unseen-case');
    expect([retried, afterClosing].map((o) => o.outcome === 'linked-to-unseen-case' && o.repeated)).toEqual([true, true]);
    expect(await world.deps.stores.cases.find({ childId: opened.child.id })).toHaveLength(1);
    const notes = (await world.deps.stores.records.find({ caseId: opened.case.id })).filter((r) => r.body.kind === 'chronology' && r.body.category === 're-referral');
    expect(notes).toHaveLength(1);
    const sent = world.memory.notifier.sent.filter((n) => n.kind === 're-referral-linked');
    expect(sent).toHaveLength((await caseTeam(world, people.worker)).length);
  });

  it('a case with no worker yet: the managers are told; the referrer is a worker, so it stays unseen', async () => {
    const world = await buildWorld();
    const opened = seenOutcome(await referAs(world, 'admin', li));
    const outcome = await referAs(world, 'worker', li);
    const managers = await caseTeam(world, undefined);
    expect(managers.length).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ outcome: 'linked-to-unseen-case', told: managers.map((s) => ({ name: s.displayName, as: 'manager' })) });
    expect(world.memory.notifier.sent.filter((n) => n.kind === 're-referral-linked').map((n) => n.caseReference)).toEqual(managers.map(() => opened.case.reference));
  });

  it('the case worker and the managers, who may see the case, get it flagged and linked as before', async () => {
    const { world, opened } = await ivanOnHarrietsCaseload();
    for (const who of ['worker', 'manager'] as const) {
      const outcome = seenOutcome(await referAs(world, who, { ...ivan, firstName: 'иван', lastName: 'петров' }, { requestKey: key(who) }));
      expect([who, outcome.outcome, outcome.case.reference]).toEqual([who, 'existing-open-case', opened.case.reference]);
    }
    expect(world.memory.notifier.sent.filter((n) => n.kind === 're-referral-linked')).toEqual([]);
    expect((await world.deps.stores.records.find({ caseId: opened.case.id })).filter((r) => r.body.kind === 'chronology')).toHaveLength(2);
  });
});
