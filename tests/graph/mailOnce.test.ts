import { closeEarly, completeCase, MailInProgress, requestInformation, type Mailer, type MailMessage, type Result } from '../../workflow';
import { randomIds } from '../../app/randomIds';
import { GraphMailer, defaultMailerTiming, type MailerTiming } from '../../graph/mail/graphMailer';
import { SentMailEntry, type SentMailLog } from '../../graph/mail/sentMail';
import { graphPorts } from '../../graph/graphPorts';
import { lists } from '../../graph/sharepoint/listDefinitions';
import { SharePointListStore } from '../../graph/sharepoint/listStore';
import { freshCaseReference, freshIdempotencyKey } from '../contract/samples/fresh';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, people, type World } from '../support/world';
import { endReviewLeavingCaseOpen } from '../support/reviewEnded';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(300_000);

const mailbox = 'outreach@outreach.example.org';
/** Looks in Sent Items without the production pauses (the embedded Graph files a message at once). */
const quick: Partial<MailerTiming> = { confirmDelayMs: 10 };

let graph: EmbeddedGraph;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
});
afterAll(async () => {
  await graph.stop();
});
afterEach(async () => {
  await graph.clearFaults();
});

/** A new app instance against the same Graph: new client state, new ports, nothing shared in memory. */
const restartedPorts = (timing: Partial<MailerTiming> = quick) => graphPorts(graph.client, graph.site, mailbox, { mailTiming: timing });
const sentMailLog = (): SentMailLog => new SharePointListStore(graph.client, graph.site.listPaths.sentMail, lists.sentMail, SentMailEntry);
const mailerWith = (log: SentMailLog, timing: Partial<MailerTiming> = quick): Mailer => new GraphMailer(graph.client, mailbox, log, { ...defaultMailerTiming, ...timing });

const sentWith = async (subject: string): Promise<number> =>
  ((await graph.mailbox()) as { value: Array<{ subject: string }> }).value.filter((m) => m.subject === subject).length;

/** Sustained throttling: every request, `$batch` included, answers 429 for this long (the emulator's control). */
const throttleFor = (seconds: number) => graph.setFaults({ throttleForSeconds: seconds } as unknown as Parameters<EmbeddedGraph['setFaults']>[0]);

const letter = (): MailMessage => ({ to: ['senco@school.example.org'], subject: `Outreach Service: case ${freshCaseReference()} closed`, html: '<p>Closed.</p>' });

let children = 0;
/** A case of a child of its own, brought to a review that ended the support, with no faults. */
async function caseAtEndReview(world: World): Promise<{ caseId: string; reference: string }> {
  const steps = caseSteps(world);
  const school = await world.schoolByUrn('100003');
  children += 1;
  const lastName = `Mailonce${String.fromCharCode(97 + (children % 26))}${String.fromCharCode(97 + Math.floor(children / 26))}`;
  const opened = await steps.refer('100003', { child: childDetails(school.id, { lastName }) });
  if (opened.outcome !== 'case-opened') throw new Error(opened.outcome);
  const caseId = opened.case.id;
  await steps.toContractStep(caseId);
  await steps.approve((await steps.contract(caseId)).contract.id);
  await steps.support(caseId);
  const worker = await world.staff(people.worker);
  // The review's own completing stops at the folder: the faults below meet completeCase's mails.
  await endReviewLeavingCaseOpen(world, worker, caseId);
  return { caseId, reference: opened.case.reference };
}

/**
 * What a person does when a card answers "something went wrong": clicks again (a thrown error is a
 * failed turn). "Already done" after an earlier click that landed counts as done.
 */
async function clickUntilDone(action: () => Promise<Result<unknown>>): Promise<void> {
  for (let click = 1; ; click += 1) {
    try {
      const result = await action();
      if (result.ok || result.error.code === 'AlreadyDone') return;
      throw new Error(`${result.error.code}: ${result.error.message}`);
    } catch (error) {
      if (click >= 6) throw error;
    }
  }
}

describe('Mail can go twice', () => {
  it('the fault is real: a bare sendMail that commits and answers 503 is retried by the Graph client and lands again', async () => {
    const subject = letter().subject;
    await graph.setFaults({ failAfterCommitRate: 1, retryAfterSeconds: 0, seed: 1 });
    const bare = graph.client.api(`/users/${mailbox}/sendMail`).post({ message: { subject, body: { contentType: 'HTML', content: '<p>x</p>' }, toRecipients: [{ emailAddress: { address: 'senco@school.example.org' } }] } });
    await expect(bare).rejects.toMatchObject({ statusCode: 503 });
    await graph.clearFaults();
    expect(await sentWith(subject)).toBeGreaterThan(1);
  });

  it('with every Graph write answering 503 after committing, the mailer sends once and records the key as sent', async () => {
    const message = letter();
    const mailKey = freshIdempotencyKey();
    await graph.setFaults({ failAfterCommitRate: 1, retryAfterSeconds: 0, seed: 2 });
    await restartedPorts().mailer.send(message, mailKey);
    await graph.clearFaults();
    expect(await sentWith(message.subject)).toBe(1);
    expect(await sentMailLog().findByKey(mailKey)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('with 10% of Graph writes answering 503 after committing, each End of Outreach Report, evaluation request and letter goes to the school once (many seeds)', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z', { ...restartedPorts(), ids: randomIds });
    const admin = await world.staff(people.admin);
    const worker = await world.staff(people.worker);
    const manager = await world.staff(people.manager);
    const cases = [];
    for (let i = 0; i < 6; i += 1) cases.push(await caseAtEndReview(world));
    let faultsSeen = 0;
    for (const [i, c] of cases.entries()) {
      await graph.resetRequests();
      // Half the cases also meet 429/503 before the request is served.
      await graph.setFaults({ failAfterCommitRate: 0.1, ...(i % 2 ? { rate: 0.1, statuses: [429, 503] } : {}), retryAfterSeconds: 0, seed: 400 + i });
      await clickUntilDone(() => requestInformation(world.deps, admin, { caseId: c.caseId }));
      if (i === cases.length - 1) {
        await clickUntilDone(() => closeEarly(world.deps, manager, { caseId: c.caseId, reason: 'moved-school' }));
      } else {
        await clickUntilDone(() => completeCase(world.deps, worker, { caseId: c.caseId }));
      }
      const log = await graph.requests();
      faultsSeen += (log.entries ?? []).filter((e) => (e as { fault?: string }).fault === 'afterCommit' && e.path.endsWith('/sendMail')).length;
      await graph.clearFaults();
    }
    // The seeds are fixed: some sendMail calls themselves committed and answered 503.
    expect(faultsSeen).toBeGreaterThan(0);
    const messages = ((await graph.mailbox()) as { value: Array<{ subject: string }> }).value.map((m) => m.subject);
    for (const [i, c] of cases.entries()) {
      const about = (words: string) => messages.filter((s) => s.includes(c.reference) && s.includes(words)).length;
      expect(about('information needed')).toBe(1);
      if (i === cases.length - 1) {
        expect(about('closed')).toBe(1);
      } else {
        expect(about('End of Outreach Report')).toBe(1);
        expect(about('evaluation')).toBe(1);
      }
      expect(await world.deps.stores.cases.get(c.caseId)).toMatchObject({ status: 'closed' });
    }
  });

  it('across 20 seeds, with 10% of writes answering 503 after committing and 10% of requests 429/503 before serving, 200 mails each land once', async () => {
    const mailer = restartedPorts().mailer;
    const subjects: string[] = [];
    let sendMailFaults = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      await graph.resetRequests();
      await graph.setFaults({ failAfterCommitRate: 0.1, rate: 0.1, statuses: [429, 503], retryAfterSeconds: 0, seed });
      for (let i = 0; i < 10; i += 1) {
        const message = letter();
        subjects.push(message.subject);
        const mailKey = freshIdempotencyKey();
        await clickUntilDone(async () => {
          await mailer.send(message, mailKey);
          return { ok: true, value: undefined };
        });
      }
      const log = await graph.requests();
      sendMailFaults += (log.entries ?? []).filter((e) => (e as { fault?: string }).fault !== undefined && e.path.endsWith('/sendMail')).length;
      await graph.clearFaults();
    }
    expect(sendMailFaults).toBeGreaterThan(10);
    const sent = ((await graph.mailbox()) as { value: Array<{ subject: string }> }).value.map((m) => m.subject);
    const counts = subjects.map((subject) => sent.filter((s) => s === subject).length);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
  });

  it('a restart does not resend: a new app instance repeating a sent key sends nothing', async () => {
    const message = letter();
    const mailKey = freshIdempotencyKey();
    await restartedPorts().mailer.send(message, mailKey);
    await restartedPorts().mailer.send(message, mailKey);
    expect(await sentWith(message.subject)).toBe(1);
  });

  it('a restart between sending and marking it sent: the new instance finds the mail in Sent Items and does not send it again', async () => {
    const message = letter();
    const mailKey = freshIdempotencyKey();
    const log = sentMailLog();
    // The process stops as it marks the mail sent (a crash, a deploy): the mail went, the key says "sending".
    const stopsAtMark: SentMailLog = {
      create: (item, k) => (k.endsWith('#sent') ? Promise.reject(new Error('process stopped')) : log.create(item, k)),
      get: (id) => log.get(id),
      findByKey: (k) => log.findByKey(k),
      find: (filter) => log.find(filter),
      list: () => log.list(),
      update: () => Promise.reject(new Error('process stopped')),
    };
    // The mark travels with the claim and sendMail in one $batch: the mark is the part that stops.
    await expect(mailerWith(stopsAtMark).send(message, mailKey)).rejects.toThrow('process stopped');
    expect(await sentWith(message.subject)).toBe(1);
    expect(await log.findByKey(mailKey)).toMatchObject({ status: 'sending' });
    await restartedPorts().mailer.send(message, mailKey);
    expect(await sentWith(message.subject)).toBe(1);
    expect(await log.findByKey(mailKey)).toMatchObject({ status: 'sent' });
  });

  it('the whole $batch throttled while another request holds the key: sendMail is not retried on its own, so nothing goes', async () => {
    const message = letter();
    const mailKey = freshIdempotencyKey();
    const log = sentMailLog();
    // Another request claimed the key a moment ago and may be sending it right now.
    await log.create({ status: 'sending', subject: message.subject, to: message.to, claimToken: 'other-request', claimedAt: new Date().toISOString(), attempts: 1 }, mailKey);
    await throttleFor(1);
    await expect(mailerWith(log).send(message, mailKey)).rejects.toBeInstanceOf(MailInProgress);
    await graph.clearFaults();
    expect(await sentWith(message.subject)).toBe(0);
    // Nor is the mail marked sent: the mark depends on sendMail too.
    expect(await log.findByKey(`${mailKey}#sent`)).toBeUndefined();
  });

  it('the whole $batch throttled: the claim and the mail are retried after Retry-After, and the mail goes once', async () => {
    const message = letter();
    const mailKey = freshIdempotencyKey();
    await throttleFor(1);
    await restartedPorts().mailer.send(message, mailKey);
    await graph.clearFaults();
    expect(await sentWith(message.subject)).toBe(1);
    expect(await sentMailLog().findByKey(mailKey)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a key left "sending" by a request that stopped before sending: refused while it may still be in flight, sent once after the lease', async () => {
    const message = letter();
    const mailKey = freshIdempotencyKey();
    const log = sentMailLog();
    await log.create({ status: 'sending', subject: message.subject, to: message.to, claimToken: 'stopped-request', claimedAt: new Date().toISOString(), attempts: 1 }, mailKey);
    await expect(mailerWith(log).send(message, mailKey)).rejects.toBeInstanceOf(MailInProgress);
    expect(await sentWith(message.subject)).toBe(0);
    await mailerWith(log, { ...quick, leaseMs: 0 }).send(message, mailKey);
    await mailerWith(log, { ...quick, leaseMs: 0 }).send(message, mailKey);
    expect(await sentWith(message.subject)).toBe(1);
    expect(await log.findByKey(mailKey)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
