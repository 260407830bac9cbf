import { actionOf, buildCardWorld, cardText, cardWorldWithCaseAt, executeActions, inputIds } from './cardWorld';
import { people } from '../support/world';
import { showDate } from '../../bot/cards/format';

/** A case allocated to Harriet Lunde (the worker), at step 3. */
const caseAtStep3 = () => cardWorldWithCaseAt(3);

/** Every Action.OpenUrl on a card. */
function openUrls(card: Parameters<typeof executeActions>[0]): Array<{ title: string; url: string }> {
  const found: Array<{ title: string; url: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.OpenUrl') found.push({ title: String(o.title), url: String(o.url) });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const verbsOn = (card: Parameters<typeof executeActions>[0]) => executeActions(card).map((a) => a.verb);

describe('pause and resume cards', () => {
  it('only a manager sees them; a worker opening or submitting one gets a refusal naming the role', async () => {
    const { act, caseId, world } = await caseAtStep3();
    expect(verbsOn((await act('manager', 'case.open', { caseId })).card)).toContain('pause.open');
    expect(verbsOn((await act('worker', 'case.open', { caseId })).card)).not.toContain('pause.open');

    const opened = await act('worker', 'pause.open', { caseId });
    expect(cardText(opened.card)).toContain('Only manager staff can pause a case');
    expect(executeActions(opened.card)).toEqual([]);

    const submit = actionOf((await act('manager', 'pause.open', { caseId })).card, 'pause.submit');
    const refused = await act('worker', 'pause.submit', { ...submit.data, reason: 'Trying' });
    expect(cardText(refused.card)).toContain('Only manager staff can pause a case');
    expect(executeActions(refused.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('open');

    const resume = await act('worker', 'resume.open', { caseId });
    expect(cardText(resume.card)).toContain('Only manager staff can resume a case');
    expect(executeActions(resume.card)).toEqual([]);
  });

  it('the manager pauses with a reason; the outcome says who and when, and the case card then offers resume to the manager only', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const { card: form } = await act('manager', 'pause.open', { caseId });
    expect(inputIds(form)).toEqual(['reason']);
    expect(cardText(form)).toContain('stops the 6 weeks of support counting');
    const submit = actionOf(form, 'pause.submit');
    const done = await act('manager', 'pause.submit', { ...submit.data, reason: 'Pupil in hospital for two weeks.' });
    const shown = cardText(done.card);
    expect(shown).toContain('Case paused');
    expect(shown).toContain('Pupil in hospital for two weeks.');
    expect(shown).toContain('Paused by Morgan Ashby, Mon 14 Sep 2026, 10:00');
    expect(executeActions(done.card)).toEqual([]);
    expect(verbsOn(done.followUp)).toContain('resume.open');
    expect(verbsOn((await act('worker', 'case.open', { caseId })).card)).not.toContain('resume.open');
    const c = await world.deps.stores.cases.get(caseId);
    expect(c?.status).toBe('paused');
    expect(c?.pauses).toEqual([expect.objectContaining({ from: '2026-09-14', reason: 'Pupil in hospital for two weeks.', by: people.manager })]);
  });

  it('a pause without a reason shows the form again naming it', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const submit = actionOf((await act('manager', 'pause.open', { caseId })).card, 'pause.submit');
    const again = await act('manager', 'pause.submit', { ...submit.data, reason: ' ' });
    expect(cardText(again.card)).toContain('reason');
    expect(inputIds(again.card)).toEqual(['reason']);
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('open');
  });

  it('pausing twice says it is already paused and writes nothing more', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const submit = actionOf((await act('manager', 'pause.open', { caseId })).card, 'pause.submit');
    await act('manager', 'pause.submit', { ...submit.data, reason: 'Worker absent.' });
    const { card: second } = await act('manager', 'pause.open', { caseId });
    expect(cardText(second)).toContain('already paused');
    const again = await act('manager', 'pause.submit', { ...actionOf(second, 'pause.submit').data, reason: 'Worker absent.' });
    expect(cardText(again.card)).toContain('Nothing new was recorded');
    expect(cardText(again.card)).toContain('already paused');
    expect(executeActions(again.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.pauses).toHaveLength(1);
  });

  it('resuming a case with no contract opens it again; a second resume says nothing new was recorded', async () => {
    const { act, caseId, world } = await caseAtStep3();
    await act('manager', 'pause.submit', { ...actionOf((await act('manager', 'pause.open', { caseId })).card, 'pause.submit').data, reason: 'Worker absent.' });
    world.memory.clock.set('2026-09-21T09:00:00Z');
    const { card: form } = await act('manager', 'resume.open', { caseId });
    expect(cardText(form)).toContain('paused since Mon 14 Sep 2026 (Worker absent.)');
    expect(inputIds(form)).toEqual([]);
    const submit = actionOf(form, 'resume.submit');
    const done = await act('manager', 'resume.submit', submit.data);
    expect(cardText(done.card)).toContain('Case resumed');
    expect(cardText(done.card)).toContain('Mon 14 Sep 2026 to Mon 21 Sep 2026');
    expect(cardText(done.card)).toContain('Resumed by Morgan Ashby');
    expect(cardText(done.card)).not.toContain('Support now ends');
    expect(executeActions(done.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('open');
    const twice = await act('manager', 'resume.submit', submit.data);
    expect(cardText(twice.card)).toContain('Nothing new was recorded');
    expect(cardText(twice.card)).toContain('not paused');
    expect(executeActions(twice.card)).toEqual([]);
  });

  it('resuming under a contract in force shows the new support end date, moved out by the paused school days', async () => {
    const { act, steps, world } = await buildCardWorld();
    const { caseId } = await steps.toContractInForce();
    const before = (await world.deps.stores.cases.get(caseId))?.contractInForce?.supportEnds ?? '';
    expect(before).not.toBe('');
    world.memory.clock.set('2026-10-07T09:00:00Z');
    await act('manager', 'pause.submit', { ...actionOf((await act('manager', 'pause.open', { caseId })).card, 'pause.submit').data, reason: 'Pupil unwell.' });
    world.memory.clock.set('2026-10-14T09:00:00Z');
    const { card: form } = await act('manager', 'resume.open', { caseId });
    expect(cardText(form)).toContain(`currently ends on ${showDate(before)}`);
    const done = await act('manager', 'resume.submit', actionOf(form, 'resume.submit').data);
    const after = (await world.deps.stores.cases.get(caseId))?.contractInForce?.supportEnds ?? '';
    expect(after > before).toBe(true);
    expect(cardText(done.card)).toContain('Support now ends');
    expect(cardText(done.card)).toContain(showDate(after));
    expect(cardText(done.card)).toContain(`The support end date has moved to ${showDate(after)}`);
  });
});

describe('consent card', () => {
  it('shows the current consent and explains that direct support needs "given"', async () => {
    const { act, caseId } = await caseAtStep3();
    expect(verbsOn((await act('worker', 'case.open', { caseId })).card)).toContain('consent.open');
    const { card } = await act('worker', 'consent.open', { caseId });
    expect(inputIds(card)).toEqual(['consent']);
    expect(cardText(card)).toContain('Consent recorded now: Given');
    expect(cardText(card)).toContain('only while parental consent is "given"');
  });

  it('records a change, and the same value twice says nothing new was recorded', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const submit = actionOf((await act('worker', 'consent.open', { caseId })).card, 'consent.submit');
    const done = await act('worker', 'consent.submit', { ...submit.data, consent: 'withdrawn' });
    expect(cardText(done.card)).toContain('Parental consent recorded: Withdrawn');
    expect(cardText(done.card)).toContain('No direct support can be recorded while consent is withdrawn');
    expect(cardText(done.card)).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.consent).toBe('withdrawn');

    const { card: reopened } = await act('worker', 'consent.open', { caseId });
    expect(cardText(reopened)).toContain('Consent recorded now: Withdrawn');
    const again = await act('worker', 'consent.submit', { ...actionOf(reopened, 'consent.submit').data, consent: 'withdrawn' });
    expect(cardText(again.card)).toContain('Nothing new was recorded');
    expect(cardText(again.card)).toContain('already recorded as withdrawn');

    const back = await act('manager', 'consent.submit', { ...actionOf(reopened, 'consent.submit').data, consent: 'given' });
    expect(cardText(back.card)).toContain('Parental consent recorded: Given');
    expect((await world.deps.stores.cases.get(caseId))?.consent).toBe('given');
  });

  it("another worker cannot change consent on a case that is not theirs", async () => {
    const { act, caseId, world } = await caseAtStep3();
    const submit = actionOf((await act('manager', 'consent.open', { caseId })).card, 'consent.submit');
    const refused = await act('otherWorker', 'consent.submit', { ...submit.data, consent: 'refused' });
    expect(cardText(refused.card)).toContain('not on your caseload');
    expect((await world.deps.stores.cases.get(caseId))?.consent).toBe('given');
  });
});

describe('outreach and Fair Access Panel report card', () => {
  it('records a Fair Access Panel report at any step (step 10), once even on a double click', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const { card: form } = await act('worker', 'report.open', { caseId });
    expect(inputIds(form)).toEqual(['reportType', 'requestedBy', 'requestedByEmail', 'summary']);
    const submit = actionOf(form, 'report.submit');
    const values = { reportType: 'fair-access-panel', requestedBy: 'Northvale Fair Access Panel', summary: 'Progress since referral; a managed move is not advised.' };
    const done = await act('worker', 'report.submit', { ...submit.data, ...values });
    const shown = cardText(done.card);
    expect(shown).toContain('Fair Access Panel report recorded');
    expect(shown).toContain('Northvale Fair Access Panel');
    expect(shown).toContain('a managed move is not advised');
    expect(shown).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    // No address given: the report is in the folder for the worker to send; the card opens it and its PDF.
    expect(shown).toContain("filed in the child's folder, with its PDF, for you to send");
    expect(openUrls(done.card).map((u) => u.url.split('.').at(-1))).toEqual(['docx', 'pdf']);
    const twice = await act('worker', 'report.submit', { ...submit.data, ...values });
    expect(cardText(twice.card)).toContain('nothing was written twice');
    expect(openUrls(twice.card)).toEqual(openUrls(done.card));
    const reports = (await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'report');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ step: 10, body: { reportType: 'fair-access-panel', requestedBy: 'Northvale Fair Access Panel' } });
    // The report's record opens the file it links.
    const recordCard = (await act('worker', 'record.view', { caseId, recordId: reports[0]?.id ?? '' })).card;
    expect(openUrls(recordCard).map((u) => u.url)).toEqual([reports[0]?.body.kind === 'report' ? reports[0].body.fileUrl : '']);
  });

  it('an Outreach Report with the requester\'s address is e-mailed to them as PDF, and the card says so; a wrong address comes back naming it', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const submit = actionOf((await act('worker', 'report.open', { caseId })).card, 'report.submit');
    const values = { reportType: 'outreach', requestedBy: 'Northvale Educational Psychology', summary: 'For the educational psychologist.' };
    const wrong = await act('worker', 'report.submit', { ...submit.data, ...values, requestedByEmail: 'ep team at northvale' });
    expect(cardText(wrong.card)).toContain('must be an e-mail address');
    expect(inputIds(wrong.card)).toContain('requestedByEmail');
    const done = await act('worker', 'report.submit', { ...submit.data, ...values, requestedByEmail: 'ep.team@northvale.example.org' });
    expect(cardText(done.card)).toContain('e-mailed as PDF to ep.team@northvale.example.org');
    expect(openUrls(done.card)).toHaveLength(2);
    expect(world.memory.mailer.outbox.filter((m) => m.to.includes('ep.team@northvale.example.org'))).toHaveLength(1);
  });

  it('an Outreach Report with no requester and no summary comes back naming the summary', async () => {
    const { act, caseId } = await caseAtStep3();
    const submit = actionOf((await act('manager', 'report.open', { caseId })).card, 'report.submit');
    const again = await act('manager', 'report.submit', { ...submit.data, reportType: 'outreach', requestedBy: '', summary: '' });
    expect(cardText(again.card)).toContain('summary');
    const done = await act('manager', 'report.submit', { ...submit.data, reportType: 'outreach', requestedBy: '', summary: 'For the educational psychologist.' });
    expect(cardText(done.card)).toContain('Outreach Report recorded');
  });
});

describe('safeguarding concern card', () => {
  const concern = { concern: 'Bruising on the forearm seen during the observation; the pupil said it happened at home.', actionTaken: 'Told the school DSL at 11:00.' };

  it('warns it is for concerns to pass to the DSL now', async () => {
    const { act, caseId } = await caseAtStep3();
    expect(verbsOn((await act('worker', 'case.open', { caseId })).card)).toContain('safeguarding.open');
    const { card } = await act('worker', 'safeguarding.open', { caseId });
    expect(inputIds(card)).toEqual(['concern', 'actionTaken']);
    expect(cardText(card)).toContain('For a safeguarding concern to pass to the Designated Safeguarding Lead now');
    expect(cardText(card)).toContain('locked');
  });

  it('records the concern locked, alerts the DSL once (even on a double click) with no child name, and says so', async () => {
    const { act, caseId, reference, world } = await caseAtStep3();
    const submit = actionOf((await act('worker', 'safeguarding.open', { caseId })).card, 'safeguarding.submit');
    const done = await act('worker', 'safeguarding.submit', { ...submit.data, ...concern });
    const shown = cardText(done.card);
    expect(shown).toContain('Safeguarding concern recorded');
    expect(shown).toContain('The DSL has been alerted');
    expect(shown).toContain('The record is locked: it takes additions only, no edits.');
    expect(shown).toContain('Told the school DSL at 11:00.');
    expect(shown).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    expect(cardText(done.followUp)).toContain('(locked)');

    const twice = await act('worker', 'safeguarding.submit', { ...submit.data, ...concern });
    expect(cardText(twice.card)).toContain('nothing was written twice');

    const concerns = (await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'safeguarding-concern');
    expect(concerns).toHaveLength(1);
    expect(concerns[0]).toMatchObject({ safeguarding: true, locked: true, lockedBy: people.worker, step: 10 });

    const alerts = world.memory.notifier.sent.filter((n) => n.kind === 'safeguarding-concern');
    expect(alerts.map((n) => n.recipientId)).toEqual([people.dsl]);
    expect(alerts[0]?.caseReference).toBe(reference);
    expect(alerts[0]?.summary).toContain(reference);
    expect(JSON.stringify(alerts)).not.toMatch(/Rowan|Testfield|Bruising/);
  });

  it('missing action taken shows the form again with what was typed, and alerts nobody', async () => {
    const { act, caseId, world } = await caseAtStep3();
    const submit = actionOf((await act('worker', 'safeguarding.open', { caseId })).card, 'safeguarding.submit');
    const again = await act('worker', 'safeguarding.submit', { ...submit.data, concern: concern.concern, actionTaken: '' });
    expect(cardText(again.card)).toContain('actionTaken');
    expect(cardText(again.card)).toContain('Bruising on the forearm');
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'safeguarding-concern')).toHaveLength(0);
  });
});
