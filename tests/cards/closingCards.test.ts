import { documentFileName, documentTitle } from '../../workflow/documents/documentNames';
import type { AdaptiveCardJson } from '../../bot/cards';
import { TemplateProblem } from '../../workflow';
import { withFolderUploadDown } from '../support/reviewEnded';
import { people } from '../support/world';
import { actionOf, buildCardWorld, cardText, executeActions, inputIds } from './cardWorld';

/** A case at step 9: the contract in force, a support session delivered, and the support period over so the review is due (worker Harriet Lunde). */
async function caseAtReview() {
  const cw = await buildCardWorld();
  const { caseId, contractId } = await cw.steps.toContractInForce();
  await cw.steps.support(caseId);
  cw.world.memory.clock.set('2026-11-23T09:00:00Z');
  return { ...cw, caseId, contractId };
}

const review = (overrides: Record<string, string> = {}) => ({ heldOn: '2026-11-19', outcome: 'end', summary: 'Targets met; calm corner used independently.', destination: 'mainstream', ...overrides });

/** Every Action.OpenUrl on a card: its title and address. */
function openUrls(card: AdaptiveCardJson | undefined): Array<{ title: string; url: string }> {
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

const ref = (c: { reference: string } | undefined): string => c?.reference ?? '';

/** Verbs of the process's next steps: a closed case's card offers none of them. */
const stepVerbs = ['review.open', 'complete.open', 'support-session.open', 'time.open', 'close-early.open', 'contract-draft.open', 'pause.open'];

/** The review's own completing stopped before anything was filed (folder service down for that submit): the case stays open. */
const submitReviewCompletingStopped = (cw: Awaited<ReturnType<typeof caseAtReview>>, values: Record<string, string>) =>
  withFolderUploadDown(cw.world, () => submitReview(cw.act, cw.caseId, values));

async function submitReview(act: Awaited<ReturnType<typeof caseAtReview>>['act'], caseId: string, values: Record<string, string>) {
  const submit = actionOf((await act('worker', 'review.open', { caseId })).card, 'review.submit');
  return { submit, done: await act('worker', 'review.submit', { ...submit.data, ...values }) };
}

describe('review cards', () => {
  it('the case card offers the review at step 9; the form explains continue and end', async () => {
    const { act, caseId } = await caseAtReview();
    const { card } = await act('worker', 'case.open', { caseId });
    expect(cardText(card)).toContain('Step 9 of 10');
    const form = (await act('worker', 'review.open', actionOf(card, 'review.open').data)).card;
    expect(inputIds(form)).toEqual(expect.arrayContaining(['heldOn', 'outcome', 'summary', 'destination']));
    expect(cardText(form)).toContain('Continue starts a new contract version');
    expect(cardText(form)).toContain('End leads to the End of Outreach Report');
    expect(cardText(form)).toContain('Back in mainstream');
  });

  it('"end" records the review with its destination, by the worker, no live buttons, and closes the case in the same submit', async () => {
    const { act, caseId, world } = await caseAtReview();
    const { done } = await submitReview(act, caseId, review());
    expect(cardText(done.card)).toContain('Review recorded: support ends');
    expect(cardText(done.card)).toMatch(/Case closed on \w{3} \d{1,2} \w{3} \d{4}; the End of Outreach Report, the Chronology Log and the Summary Record were filed in the child's folder and the report sent to the school; evaluation requested\./);
    expect(cardText(done.card)).toContain('Back in mainstream');
    expect(cardText(done.card)).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    expect(await world.deps.stores.cases.get(caseId)).toMatchObject({ status: 'closed', closure: { how: 'review-ended', destination: 'mainstream' } });
    const verbs = executeActions(done.followUp).map((a) => a.verb);
    for (const verb of stepVerbs) expect(verbs).not.toContain(verb);
  });

  it('"continue" records the review and leads to a new contract version', async () => {
    const { act, caseId, world, contractId } = await caseAtReview();
    const { done } = await submitReview(act, caseId, review({ outcome: 'continue', destination: 'mainstream' }));
    expect(cardText(done.card)).toContain('Review recorded: support continues');
    expect(cardText(done.card)).toContain('Next: Draft the new contract version');
    expect(cardText(done.card)).not.toContain('Record the review');
    expect(cardText(done.card)).not.toContain('Back in mainstream');
    expect(actionOf(done.followUp, 'contract-draft.open').data.caseId).toBe(caseId);
    expect((await world.deps.stores.contracts.get(contractId))?.status).toBe('superseded');
  });

  it('"end" without a destination shows the form again naming it, with what was typed', async () => {
    const { act, caseId, world } = await caseAtReview();
    const { submit, done } = await submitReview(act, caseId, review({ destination: '' }));
    expect(cardText(done.card)).toContain('record where the pupil goes next');
    expect(cardText(done.card)).toContain('Check: destination');
    expect(cardText(done.card)).toContain('Targets met; calm corner used independently.');
    expect(actionOf(done.card, 'review.submit').data.requestKey).toBe(submit.data.requestKey);
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'review')).toHaveLength(0);
  });

  it('a missing summary shows the form again naming it', async () => {
    const { act, caseId } = await caseAtReview();
    const { done } = await submitReview(act, caseId, review({ summary: '' }));
    expect(cardText(done.card)).toContain('summary');
    expect(actionOf(done.card, 'review.submit').verb).toBe('review.submit');
  });

  it('a double click records one review and says so', async () => {
    const { act, caseId, world } = await caseAtReview();
    const { submit } = await submitReview(act, caseId, review());
    const second = await act('worker', 'review.submit', { ...submit.data, ...review() });
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'review')).toHaveLength(1);
  });

  it('a review with no contract in force is refused naming the rule', async () => {
    const cw = await buildCardWorld();
    const opened = await cw.steps.refer();
    await cw.steps.allocate(opened.case.id);
    const submit = actionOf((await cw.act('worker', 'review.open', { caseId: opened.case.id })).card, 'review.submit');
    const again = await cw.act('worker', 'review.submit', { ...submit.data, ...review() });
    expect(cardText(again.card)).toMatch(/Rule: (Order|Reviews)/);
  });
});

describe('complete cards', () => {
  it('after a review that ended, the confirmation explains each thing, and completing does them and closes the case', async () => {
    const cw = await caseAtReview();
    const { act, caseId, world } = cw;
    const { done: reviewed } = await submitReviewCompletingStopped(cw, review());
    expect(cardText(reviewed.card)).toContain('"Complete and close the case" on the case card carries on');
    const form = (await act('worker', 'complete.open', actionOf(reviewed.followUp, 'complete.open').data)).card;
    expect(inputIds(form)).toEqual([]);
    const text = cardText(form);
    expect(text).toContain("write the End of Outreach Report, the Chronology Log and the Summary Record from the service's templates and file them in the child's folder");
    expect(text).toContain('the report (as PDF)');
    expect(text).toContain('copied to the headteacher');
    expect(text).toContain('school evaluation request');
    expect(text).toContain('close the case (destination: Back in mainstream)');
    const sent = world.memory.mailer.outbox.length;
    const done = await act('worker', 'complete.submit', actionOf(form, 'complete.submit').data);
    const outcome = cardText(done.card);
    expect(outcome).toContain('Case completed and closed');
    expect(outcome).toContain('Report filed');
    expect(outcome).toContain('Report sent');
    expect(outcome).toContain('Evaluation request');
    expect(outcome).toContain('Back in mainstream');
    expect(outcome).toContain('Closed by Harriet Lunde');
    expect(outcome).toContain('Closed on Mon 23 Nov 2026: support ended at the review');
    expect(outcome).not.toContain('Step 10 of 10');
    expect(executeActions(done.card)).toEqual([]);
    // Each document made opens from the card: the report and its PDF, the chronology, the summary, the evaluation form.
    const c0 = await world.deps.stores.cases.get(caseId);
    const ref = c0?.reference ?? '';
    const inFolder = (name: string) => `${ref}/${encodeURIComponent(name)}`;
    const shown = openUrls(done.card).map((u) => ({ title: u.title, url: u.url.split('/').slice(-2).join('/') }));
    expect(shown).toEqual([
      { title: `Open the ${documentTitle('end-of-outreach-report')}`, url: inFolder(documentFileName('end-of-outreach-report', ref, 1, 'docx')) },
      { title: expect.stringMatching(/\(PDF\)$/), url: inFolder(documentFileName('end-of-outreach-report', ref, 1, 'pdf')) },
      { title: `Open the ${documentTitle('chronology-log')}`, url: inFolder(documentFileName('chronology-log', ref, 1, 'docx')) },
      { title: `Open the ${documentTitle('summary-record')}`, url: inFolder(documentFileName('summary-record', ref, 1, 'docx')) },
      { title: `Open the ${documentTitle('evaluation-form')}`, url: inFolder(documentFileName('evaluation-form', ref, 1, 'docx')) },
    ]);
    // Each document's record opens the file (and its PDF), its file name as filed.
    const reportRecord = (await world.deps.stores.records.find({ caseId })).find((r) => r.body.kind === 'document' && r.body.document === 'end-of-outreach-report');
    const recordCard = (await act('worker', 'record.view', { caseId, recordId: reportRecord?.id ?? '' })).card;
    expect(cardText(recordCard)).toContain(documentFileName('end-of-outreach-report', ref, 1, 'docx'));
    expect(openUrls(recordCard).map((u) => u.url.split('/').slice(-2).join('/'))).toEqual(
      (['docx', 'pdf'] as const).map((ext) => inFolder(documentFileName('end-of-outreach-report', ref, 1, ext))),
    );
    // The case card, closed, opens its newest documents.
    expect(openUrls(done.followUp).map((u) => u.url.split('/').slice(-2).join('/'))).toContain(inFolder(documentFileName('end-of-outreach-report', ref, 1, 'pdf')));
    expect(world.memory.mailer.outbox.length).toBe(sent + 2);
    const c = await world.deps.stores.cases.get(caseId);
    expect(c).toMatchObject({ status: 'closed', closure: { how: 'review-ended', destination: 'mainstream' } });
    const verbs = executeActions(done.followUp).map((a) => a.verb);
    for (const verb of stepVerbs) expect(verbs).not.toContain(verb);
  });

  it('a double click closes once, sends nothing twice and says so', async () => {
    const cw = await caseAtReview();
    const { act, caseId, world } = cw;
    await submitReviewCompletingStopped(cw, review());
    const submit = actionOf((await act('worker', 'complete.open', { caseId })).card, 'complete.submit');
    await act('worker', 'complete.submit', submit.data);
    const sent = world.memory.mailer.outbox.length;
    const second = await act('worker', 'complete.submit', submit.data);
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(cardText(second.card)).toContain('Case completed and closed');
    expect(executeActions(second.card)).toEqual([]);
    // The repeat's card opens the same documents, from their records.
    expect(openUrls(second.card)).toHaveLength(5);
    expect(world.memory.mailer.outbox.length).toBe(sent);
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'evaluation-request')).toHaveLength(1);
  });

  it('a template that cannot be used: the form comes back saying so in words, nothing sent, and completing again works once it is fixed', async () => {
    const cw = await caseAtReview();
    const { act, caseId, world } = cw;
    await submitReviewCompletingStopped(cw, review());
    const submit = actionOf((await act('worker', 'complete.open', { caseId })).card, 'complete.submit');
    const sent = world.memory.mailer.outbox.length;
    const documents = world.deps.documents;
    world.deps.documents = { make: (kind) => Promise.reject(new TemplateProblem(kind, 'site', 'the tag {pupil} is never closed')) };
    const refused = await act('worker', 'complete.submit', submit.data);
    expect(cardText(refused.card)).toContain(`The ${documentTitle('end-of-outreach-report')} template (the site's Templates library) cannot be used: the tag {pupil} is never closed`);
    expect(cardText(refused.card)).toContain('Nothing was sent or recorded');
    expect(actionOf(refused.card, 'complete.submit').data).toEqual(submit.data);
    expect(world.memory.mailer.outbox.length).toBe(sent);
    world.deps.documents = documents;
    expect(cardText((await act('worker', 'complete.submit', submit.data)).card)).toContain('Case completed and closed');
    expect(world.memory.mailer.outbox.length).toBe(sent + 2);
  });

  it('completing before a review ended the support is refused naming the rule', async () => {
    const { act, caseId, world } = await caseAtReview();
    const submit = actionOf((await act('worker', 'complete.open', { caseId })).card, 'complete.submit');
    const again = await act('worker', 'complete.submit', submit.data);
    expect(cardText(again.card)).toContain('Record a review that ends the support first.');
    expect(cardText(again.card)).toContain('Rule: Closing');
    expect((await world.deps.stores.cases.get(caseId))?.status).not.toBe('closed');
  });
});

describe('close early cards', () => {
  it('the manager is offered "Close early"; the form has readable reasons and says the school is told by letter', async () => {
    const { act, caseId } = await caseAtReview();
    const { card } = await act('manager', 'case.open', { caseId });
    const form = (await act('manager', 'close-early.open', actionOf(card, 'close-early.open').data)).card;
    expect(inputIds(form)).toEqual(['reason', 'note']);
    const text = cardText(form);
    expect(text).toContain('Pupil moved school');
    expect(text).toContain('Parental consent withdrawn');
    expect(text).toContain('told by letter');
    expect(text).toContain('Note (optional)');
  });

  it('the case\'s worker is offered "Close early" on their own case too (the use case allows it); an administrator is not', async () => {
    const { act, caseId, world } = await caseAtReview();
    const offer = actionOf((await act('worker', 'case.open', { caseId })).card, 'close-early.open');
    expect(offer.data).toEqual({ caseId });
    expect(executeActions((await act('admin', 'case.open', { caseId })).card).map((a) => a.verb)).not.toContain('close-early.open');
    const submit = actionOf((await act('worker', 'close-early.open', offer.data)).card, 'close-early.submit');
    const done = await act('worker', 'close-early.submit', { ...submit.data, reason: 'no-longer-needed', note: '' });
    expect(cardText(done.card)).toContain('Case closed early');
    expect((await world.deps.stores.cases.get(caseId))?.closure).toMatchObject({ how: 'no-longer-needed', by: people.worker });
  });

  it('closing early with a reason closes the case, tells the school, and the closed case offers no next step', async () => {
    const { act, caseId, world } = await caseAtReview();
    const submit = actionOf((await act('manager', 'close-early.open', { caseId })).card, 'close-early.submit');
    const sent = world.memory.mailer.outbox.length;
    const done = await act('manager', 'close-early.submit', { ...submit.data, reason: 'moved-school', note: 'Moved out of the area at half-term.' });
    const text = cardText(done.card);
    expect(text).toContain('Case closed early');
    expect(text).toContain('Pupil moved school');
    expect(text).toContain('Moved out of the area at half-term.');
    expect(text).toContain('By letter to');
    expect(text).toContain('Closed by Morgan Ashby');
    expect(executeActions(done.card)).toEqual([]);
    expect(openUrls(done.card).map((u) => u.title)).toEqual([`Open the ${documentTitle('early-closure-letter')}`, expect.stringMatching(/\(PDF\)$/)]);
    const reference = ref(await world.deps.stores.cases.get(caseId));
    expect(openUrls(done.card).map((u) => u.url.split('/').at(-1))).toEqual((['docx', 'pdf'] as const).map((ext) => encodeURIComponent(documentFileName('early-closure-letter', reference, 1, ext))));
    expect(world.memory.mailer.outbox.length).toBe(sent + 1);
    expect(await world.deps.stores.cases.get(caseId)).toMatchObject({ status: 'closed', closure: { how: 'moved-school' } });
    const verbs = executeActions(done.followUp).map((a) => a.verb);
    for (const verb of stepVerbs) expect(verbs).not.toContain(verb);
  });

  it('a closed case still takes chronology entries', async () => {
    const { act, caseId } = await caseAtReview();
    const submit = actionOf((await act('manager', 'close-early.open', { caseId })).card, 'close-early.submit');
    const closed = await act('manager', 'close-early.submit', { ...submit.data, reason: 'referral-declined', note: '' });
    const open = actionOf(closed.followUp, 'chronology.open');
    const form = (await act('manager', open.verb, open.data)).card;
    const done = await act('manager', 'chronology.submit', { ...actionOf(form, 'chronology.submit').data, on: '2026-11-20', category: 'contact', note: 'School called to confirm the letter arrived.' });
    expect(cardText(done.card)).toContain('Chronology entry added');
    expect(cardText(done.card)).toContain('Recorded by Morgan Ashby');
  });

  it('a double click closes once and says so', async () => {
    const { act, caseId, world } = await caseAtReview();
    const submit = actionOf((await act('manager', 'close-early.open', { caseId })).card, 'close-early.submit');
    await act('manager', 'close-early.submit', { ...submit.data, reason: 'no-longer-needed', note: '' });
    const sent = world.memory.mailer.outbox.length;
    const second = await act('manager', 'close-early.submit', { ...submit.data, reason: 'no-longer-needed', note: '' });
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(openUrls(second.card)).toHaveLength(2);
    expect(world.memory.mailer.outbox.length).toBe(sent);
  });

  it('without a reason the form shows again naming it', async () => {
    const { act, caseId, world } = await caseAtReview();
    const submit = actionOf((await act('manager', 'close-early.open', { caseId })).card, 'close-early.submit');
    const again = await act('manager', 'close-early.submit', { ...submit.data, reason: '', note: 'Typed note' });
    expect(cardText(again.card)).toContain('reason');
    expect(cardText(again.card)).toContain('Typed note');
    expect((await world.deps.stores.cases.get(caseId))?.status).not.toBe('closed');
  });
});
