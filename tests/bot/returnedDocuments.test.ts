import { Writable } from 'node:stream';
import pino from 'pino';
import { caseProgress, jobHandlers, requestInformation, runDueJobs } from '../../workflow';
import type { AdaptiveCardJson } from '../../bot/cards';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText, inputIds } from '../cards/cardWorld';
import { caseSteps, childDetails } from '../support/caseSteps';
import { startTeamsFileServer } from '../support/files/teamsFileServer';
import { buildWorld, people, value } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';

type Person = keyof typeof people;

/** Everything the app logged, as text: the child's name must never be in it. */
function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), text: () => lines.join('') };
}

/** The case ids a file's card offers. */
const caseChoices = (card: AdaptiveCardJson | undefined): string[] => {
  const set = (card?.body ?? []).find((b): b is { id: string; choices: { value: string }[] } => typeof b === 'object' && b !== null && (b as { id?: unknown }).id === 'caseId');
  return set?.choices.map((ch) => ch.value) ?? [];
};

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`);
const childNames = ['Rowan', 'Testfield'];

/**
 * Issue 15 part 5: the school's returned paperwork, sent to the bot in a personal chat, filed on the
 * case it is for (its folder, a record, step 2), the worker told; once per card.
 */
describe('documents the school returns, sent to the bot in Teams', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;
  let files: Awaited<ReturnType<typeof startTeamsFileServer>>;
  let log: ReturnType<typeof capturedLog>;

  beforeEach(async () => {
    world = await buildWorld('2026-09-18T09:00:00Z');
    files = await startTeamsFileServer();
    log = capturedLog();
    harness = await startBot(world.deps, { logger: log.logger, notifyThroughTeams: false });
  });
  afterEach(async () => {
    await harness.close();
    await files.close();
  });

  /** A case allocated to the worker, the information requested from the school: waiting for the form and the PDP. */
  async function waitingCase(worker: Person = 'worker', lastName = 'Testfield') {
    const steps = caseSteps(world);
    const school = await world.schoolByUrn('100001');
    const opened = await steps.refer('100001', { child: childDetails(school.id, { lastName }) });
    await steps.allocate(opened.case.id, worker);
    value(await requestInformation(world.deps, await world.staff(people.admin), { caseId: opened.case.id }));
    return opened.case;
  }

  /** A message in the personal chat carrying these attachments; answers the cards the bot sent back. */
  async function send(who: Person, attachments: unknown[]) {
    const before = harness.connector.sent.length;
    const id = people[who];
    const answer = await harness.post({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: harness.connector.url,
      id: `user-files-${before}`,
      timestamp: new Date().toISOString(),
      from: { id: `29:teams-${id}`, name: 'Demo user', aadObjectId: id },
      recipient: { id: '28:outreach-bot', name: 'Outreach Cases' },
      conversation: { id: `a:${id}`, conversationType: 'personal', tenantId: 'tenant-1' },
      text: '',
      attachments: [{ contentType: 'text/html', content: '<p>here you go</p>' }, ...attachments],
    });
    expect(answer.status).toBe(200);
    await harness.bot.drain();
    return harness.connector.sent.slice(before).filter((s) => s.method === 'POST').map((s) => ({ card: cardOf(s), messageId: s.id }));
  }

  async function submit(who: Person, card: { card: AdaptiveCardJson; messageId: string }, chosen: Record<string, string>) {
    const action = actionOf(card.card, 'returned-document.submit');
    const answer = await harness.click(people[who], action.verb, { ...action.data, ...chosen }, card.messageId);
    expect(answer.status).toBe(200);
    const shown = invokeCard(answer.body);
    expect(allCardProblems(shown)).toEqual([]);
    return shown;
  }

  const caseFiles = (reference: string) => {
    const folder = world.memory.folders.folderPaths().find((p) => p.endsWith(`/${reference}`));
    // The files the school sent back (the request's own letter, form and PDP template are filed there too).
    return folder ? world.memory.folders.filesIn(folder).filter((f) => / returned /.test(f.name)) : [];
  };
  const recordsOf = async (caseId: string) => world.deps.stores.records.find({ caseId });

  it('a file sent in chat gets a card asking which waiting case (reference and school only) and which document', async () => {
    const c = await waitingCase();
    await waitingCase('otherWorker', 'Quillmere');
    const [offered, ...more] = await send('admin', [files.put('Scan 0042.pdf', pdf('form'))]);
    expect(more).toEqual([]);
    if (!offered) throw new Error('no card');
    expect(allCardProblems(offered.card)).toEqual([]);
    const text = cardText(offered.card);
    expect(text).toContain('Which case is "Scan 0042.pdf" for?');
    expect(text).toContain(c.reference);
    expect(text).toContain('awaiting the information form and PDP');
    expect(text).toContain('School Initial Information Gathering form');
    expect(text).toContain('PDP');
    expect(text).toContain('Another document for the case');
    for (const name of childNames) expect(text).not.toContain(name);
    expect(inputIds(offered.card)).toEqual(['caseId', 'document']);
    // Two cases wait: the admin sees both; the worker only their own.
    const [workers] = await send('worker', [files.put('pdp.docx', pdf('pdp'))]);
    expect(caseChoices(workers?.card)).toEqual([c.id]);
    expect(caseChoices(offered.card)).toHaveLength(2);
  });

  it('several files: one card each; a file that is not a document or is too large is refused by name; nothing is fetched', async () => {
    await waitingCase();
    const cards = await send('admin', [
      files.put('form.pdf', pdf('form')),
      files.put('setup.exe', pdf('x')),
      files.put('huge scan.png', pdf('x'), { size: 30 * 1024 * 1024 }),
      files.put('PDP.docx', pdf('pdp')),
    ]);
    const texts = cards.map((c) => cardText(c.card));
    expect(texts.filter((t) => t.includes('"setup.exe" is not a document the service files'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('"huge scan.png" is larger than 25 MB'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Which case is "form.pdf" for?'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Which case is "PDP.docx" for?'))).toHaveLength(1);
    expect(files.downloads).toEqual([]);
  });

  it('with no case waiting, the answer says so and files nothing', async () => {
    const steps = caseSteps(world);
    const opened = await steps.refer('100001');
    await steps.allocate(opened.case.id, 'worker');
    const [answer, ...more] = await send('worker', [files.put('form.pdf', pdf('form'))]);
    expect(more).toEqual([]);
    expect(cardText(answer?.card)).toContain('No case of yours is waiting for the school\'s information');
    expect(cardText(answer?.card)).toContain('Nothing was filed ("form.pdf")');
  });

  it('submit files the form in the case folder, records it (the PDP still awaited), tells the worker; the PDP then completes step 2', async () => {
    const c = await waitingCase();
    const [card] = await send('admin', [files.put('Rowan Testfield info form.pdf', pdf('the form'))]);
    if (!card) throw new Error('no card');
    const done = cardText(await submit('admin', card, { caseId: c.id, document: 'information-form' }));
    expect(done).toContain(`The School Initial Information Gathering form filed on ${c.reference}`);
    expect(done).toContain('Still awaited from the school: the PDP');
    const name = `School Initial Information Gathering form ${c.reference} returned 2026-09-18.pdf`;
    expect(done).toContain(name);
    const filed = caseFiles(c.reference);
    expect(filed.map((f) => f.name)).toEqual([name]);
    expect(new TextDecoder().decode(filed[0]?.content)).toContain('the form');
    expect(filed[0]?.contentType).toBe('application/pdf');

    const [record] = (await recordsOf(c.id)).filter((r) => r.body.kind === 'information-returned');
    expect(record?.body).toMatchObject({ kind: 'information-returned', returnedOn: '2026-09-18', formReturned: true, pdpReturned: false, fileName: name, fileUrl: filed[0]?.webUrl });
    const afterForm = await world.deps.stores.cases.get(c.id);
    expect(afterForm?.milestones.informationReturned).toBeUndefined();
    expect(afterForm?.milestones.informationPartlyReturned?.form).toBeDefined();
    expect(caseProgress(afterForm!, [], '2026-09-18')).toMatchObject({ step: 2, nextAction: 'Record the PDP when the school sends it back (the information form is back)' });
    expect((await world.deps.audit.forCase(c.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['record.information-returned', 'document.filed']));
    const told = world.memory.notifier.sent.filter((n) => n.kind === 'document-returned');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ recipientId: people.worker, caseId: c.id });
    expect(told[0]?.summary).toContain(`filed the School Initial Information Gathering form the school returned on case ${c.reference}. Still awaited: the PDP.`);
    // The record, viewed from the chronology: the name as filed and a link to it.
    const viewed = invokeCard((await harness.click(people.worker, 'record.view', { caseId: c.id, recordId: record?.id ?? '' })).body);
    expect(allCardProblems(viewed)).toEqual([]);
    expect(cardText(viewed)).toContain(name);
    expect(JSON.stringify(viewed)).toContain(JSON.stringify({ type: 'Action.OpenUrl', title: 'Open the filed copy', url: filed[0]?.webUrl ?? '' }));
    // Not also "someone recorded on your case": one notice for one document.
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'case-recorded-by-other')).toEqual([]);

    // The school sends the form again (corrected): filed beside the first, not lost, the PDP still awaited.
    const [again] = await send('admin', [files.put('form v2.pdf', pdf('the corrected form'))]);
    if (!again) throw new Error('no card');
    expect(cardText(await submit('admin', again, { caseId: c.id, document: 'information-form' }))).toContain('Still awaited from the school: the PDP');
    const both = caseFiles(c.reference);
    expect(both).toHaveLength(2);
    expect(both.map((f) => new TextDecoder().decode(f.content)).join()).toContain('the corrected form');
    expect(both.find((f) => f.name !== name)?.name).toMatch(new RegExp(`^School Initial Information Gathering form ${c.reference} returned 2026-09-18 [0-9A-Z]{5}\\.pdf$`));

    world.memory.clock.set('2026-09-21T10:00:00Z');
    const [second] = await send('admin', [files.put('pdp.docx', pdf('the pdp'))]);
    if (!second) throw new Error('no card');
    expect(cardText(second.card)).toContain('awaiting the PDP');
    const complete = cardText(await submit('admin', second, { caseId: c.id, document: 'pdp' }));
    expect(complete).toContain('The information form and PDP are both back');
    expect(caseFiles(c.reference).map((f) => f.name)).toEqual(expect.arrayContaining([name, `PDP ${c.reference} returned 2026-09-21.docx`]));
    const after = await world.deps.stores.cases.get(c.id);
    expect(after?.milestones.informationReturned).toBeDefined();
    expect(after?.step).toBe(3);
    const records = (await recordsOf(c.id)).filter((r) => r.body.kind === 'information-returned');
    expect(records.at(-1)?.body).toMatchObject({ formReturned: true, pdpReturned: true });
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'document-returned').at(-1)?.summary).toContain('The information form and PDP are both back.');

    // Nothing about the child in the log, the notices, the file names.
    const everything = [log.text(), ...world.memory.notifier.sent.map((n) => n.summary), ...caseFiles(c.reference).map((f) => f.name)].join('\n');
    for (const part of childNames) expect(everything).not.toContain(part);

    // The case no longer waits: a further file finds no case.
    const [none] = await send('admin', [files.put('extra.pdf', pdf('x'))]);
    expect(cardText(none?.card)).toContain('No case of yours is waiting');
  });

  it('with only the form back, the school\'s reminder and the admins\' notice ask for the PDP alone', async () => {
    const c = await waitingCase();
    const [card] = await send('admin', [files.put('form.pdf', pdf('form'))]);
    if (!card) throw new Error('no card');
    await submit('admin', card, { caseId: c.id, document: 'information-form' });
    // The 5th school day after the request (Fri 18 Sep): the first chase.
    world.memory.clock.set('2026-09-25T09:05:00Z');
    await runDueJobs(world.deps, world.deps.jobs, jobHandlers, 'test');
    const [mail] = world.memory.mailer.outbox.filter((m) => m.subject.includes(`${c.reference}: information form reminder`));
    expect(mail?.html).toContain('have not received the pupil\'s PDP yet. Please complete and return it');
    const late = world.memory.notifier.sent.filter((n) => n.kind === 'information-form-late');
    expect(late.length).toBeGreaterThan(0);
    expect(late[0]?.summary).toContain(`has not returned the PDP (the information form is back) for case ${c.reference}`);
  });

  it('a double click (and a retried submit) files and records once, fetching the file once', async () => {
    const c = await waitingCase();
    const [card] = await send('worker', [files.put('form.pdf', pdf('once'))]);
    if (!card) throw new Error('no card');
    const chosen = { caseId: c.id, document: 'information-form' };
    const [first, second] = await Promise.all([submit('worker', card, chosen), submit('worker', card, chosen)]);
    const third = await submit('worker', card, chosen);
    expect([first, second, third].map(cardText).filter((t) => t.includes('Already recorded'))).toHaveLength(2);
    expect(caseFiles(c.reference)).toHaveLength(1);
    expect((await recordsOf(c.id)).filter((r) => r.body.kind === 'information-returned')).toHaveLength(1);
    expect(files.downloads).toHaveLength(1);
    // The worker filed it: nobody else to tell.
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'document-returned')).toEqual([]);
  });

  it('another document is a chronology entry linking the file; the step waits on', async () => {
    const c = await waitingCase();
    const [card] = await send('admin', [files.put('letter.docx', pdf('a letter'))]);
    if (!card) throw new Error('no card');
    const done = cardText(await submit('admin', card, { caseId: c.id, document: 'other' }));
    expect(done).toContain(`A document from the school filed on ${c.reference}`);
    const [entry] = (await recordsOf(c.id)).filter((r) => r.body.kind === 'chronology');
    expect(entry?.body).toMatchObject({ category: 'contact', fileUrl: caseFiles(c.reference)[0]?.webUrl });
    expect(caseFiles(c.reference)[0]?.name).toMatch(new RegExp(`^Document from the school ${c.reference} returned 2026-09-18 [0-9A-Z]{5}\\.docx$`));
    expect((await world.deps.stores.cases.get(c.id))?.milestones.informationPartlyReturned).toBeUndefined();
  });

  it('a file larger than 25 MB when fetched (no size on the attachment) is refused by name, nothing filed or recorded', async () => {
    const c = await waitingCase();
    const [card] = await send('admin', [files.put('big scan.jpg', new Uint8Array(25 * 1024 * 1024 + 10), { chunked: true })]);
    if (!card) throw new Error('no card');
    const refused = cardText(await submit('admin', card, { caseId: c.id, document: 'pdp' }));
    expect(refused).toContain('"big scan.jpg" is larger than 25 MB');
    expect(caseFiles(c.reference)).toEqual([]);
    expect((await recordsOf(c.id)).filter((r) => r.body.kind === 'information-returned')).toEqual([]);
  });

  it('a card whose download address was changed is refused without fetching; a choice left empty shows the card again naming it', async () => {
    const c = await waitingCase();
    const [card] = await send('admin', [files.put('form.pdf', pdf('x'))]);
    if (!card) throw new Error('no card');
    const action = actionOf(card.card, 'returned-document.submit');
    const tampered = await harness.click(people.admin, action.verb, { ...action.data, downloadUrl: 'http://169.254.169.254/latest/meta-data', caseId: c.id, document: 'pdp' }, card.messageId);
    expect(cardText(invokeCard(tampered.body))).toContain('could not be fetched: it is not a file Teams keeps for this chat');
    const empty = await submit('admin', card, { caseId: c.id, document: '' });
    expect(cardText(empty)).toContain('Document is required');
    expect(cardText(empty)).toContain('Which case is "form.pdf" for?');
    expect(caseFiles(c.reference)).toEqual([]);
  });
});
