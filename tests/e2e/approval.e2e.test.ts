import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startAppUnderTest, type AppUnderTest } from './support/appUnderTest';
import { launchChromium, shouldRunEndToEnd } from './support/browser';
import { cardWithButton } from './support/cardForm';
import { allocateAndGatherInformation, clicker, clickOffer, draftContract, logReferral } from './support/caseWalk';
import { botText, openPlayground, playgroundChat, screenshot, waitForMore, type PlaygroundChat } from './support/playgroundChat';

/** "Tue 15 Sep 2026, 08:45–09:45": a time offered on a card. */
const offeredTime = /^(Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} 2026, \d\d:\d\d–\d\d:\d\d$/;

/**
 * Allocation offered the worker three times for the initial school meeting in his notice: the
 * first, clicked, is booked in his calendar with a Teams link and an invitation to the SENCo.
 */
async function bookOfferedSchoolMeeting(page: Page, chat: PlaygroundChat): Promise<void> {
  await botText(page, /^A case has been allocated to you$/).last().waitFor();
  const first = page.getByRole('button', { name: offeredTime }).first();
  await first.waitFor();
  const title = (await first.innerText()).trim();
  await chat.click(title, botText(page, /^Initial school meeting booked$/), 'the school meeting booked');
  await screenshot(page, 'two-01a-school-meeting-booked');
  await joinButton(page).waitFor();
  await page.getByText(/Sam Wren \(SENCo\)/).last().waitFor();
}

/** The booked card's Teams link (an Action.OpenUrl: the host may draw it as a button or a link). */
const joinButton = (page: Page) => page.getByRole('button', { name: 'Join the Teams meeting', exact: true }).or(page.getByRole('link', { name: 'Join the Teams meeting', exact: true })).last();

/**
 * End to end, two people: the app as `npm start` runs it, with its two Agents Playgrounds (Morgan
 * Ashby, manager and worker, and Rhiannon Whitlock, deputy manager), each in its own Chromium page.
 * Morgan works a case to the contract and sends it for approval; as its author he may not approve
 * it (Separation of duties): his card says whom to ask. Rhiannon gets the contract in her chat and
 * approves it; Morgan's card changes in place without anyone refreshing.
 */
const describeEndToEnd = shouldRunEndToEnd(process.env) ? describe : describe.skip;
const STEP_MS = 120_000;

interface Person {
  context: BrowserContext;
  page: Page;
  chat: PlaygroundChat;
  click: ReturnType<typeof clicker>;
}

describeEndToEnd('a contract drafted by the manager is approved by the deputy manager, in two Playgrounds', () => {
  let app: AppUnderTest | undefined;
  let browser: Browser | undefined;
  let manager: Person;
  let deputy: Person;
  let reference = '';

  const person = async (url: string, name: string): Promise<Person> => {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const chat = playgroundChat(page, () => app?.diagnostics() ?? '');
    await openPlayground(page, url);
    await page.getByText(name, { exact: true }).first().waitFor();
    return { context, page, chat, click: clicker(page, chat) };
  };

  beforeAll(async () => {
    app = await startAppUnderTest({ clockNow: '2026-09-14T09:00:00Z' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 60_000);

  it('both windows open, one as the manager and one as the deputy manager', async () => {
    expect(app?.workerPlaygroundUrl).toMatch(/^http:\/\/localhost:\d+$/);
    manager = await person(app?.playgroundUrl ?? '', 'Morgan Ashby');
    deputy = await person(app?.workerPlaygroundUrl ?? '', 'Rhiannon Whitlock');
    // Opening the team's Referrals channel adds the app to the team there: the bot learns where to post.
    await manager.page.getByRole('treeitem', { name: /Referrals/ }).click();
    await manager.page.getByRole('button', { name: 'Post', exact: true }).waitFor();
    await manager.page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    // Each says hello, so the bot knows where to reach them (as it would after install in Teams).
    await manager.chat.send('help', botText(manager.page, /new referral/i), 'help for the manager');
    await deputy.chat.send('help', botText(deputy.page, /new referral/i), 'help for the deputy manager');
  }, STEP_MS);

  it('the manager logs a referral, allocates it to himself and works it to the contract', async () => {
    reference = await logReferral(manager.page, manager.chat);
    await allocateAndGatherInformation(manager.page, manager.chat, 'Morgan Ashby');
    const { click, page } = manager;
    await bookOfferedSchoolMeeting(page, manager.chat);
    await click('Record the observation', /^Observation$/);
    const observation = cardWithButton(page, 'Record the observation');
    await observation.text('Setting (class, lesson, time of day)', 'Year 4, maths after lunch');
    await observation.text('Outcome', 'Settles with an adult close by.');
    await observation.text('Way forward', 'Warnings before transitions.');
    await click('Record the observation', /^Observation recorded \(step 3\)$/);
    await click('Record the school meeting', /^Meeting record$/);
    const meeting = cardWithButton(page, 'Record the meeting');
    await meeting.text('Who attended (one per line)', 'SENCo');
    await meeting.text('Notes', 'Went through the information form.');
    await click('Record the meeting', /^Meeting recorded \(step 4\)$/);
    await click('Record the home visit or call', /^Home visit or Teams call with the parent\/carer$/);
    const visit = cardWithButton(page, 'Record it');
    await visit.pick('Teams call');
    await visit.text('Who attended (one per line)', 'Mother');
    await visit.text('Notes', 'Parent agrees with the plan.');
    await click('Record it', /^Teams call recorded \(step 5\)$/);
    await click('Skip it, with a reason', /^Skip the further observation \(step 6\)$/);
    await cardWithButton(page, 'Record the reason').text('Why no further observation is needed', 'The first observation covered transitions.');
    await click('Record the reason', /^Further observation skipped \(step 6\)$/);
    await botText(page, /Step 7 of 10/).last().waitFor();
    await screenshot(page, 'two-01-manager-at-step-7');
  }, STEP_MS);

  it('the manager sends the contract for approval; the deputy gets it with the buttons, the author does not', async () => {
    const arrived = botText(deputy.page, /^Outreach Contract, version 1$/);
    const before = await arrived.count();
    await draftContract(manager.page, manager.chat);
    await screenshot(manager.page, 'two-02-manager-drafted');
    await waitForMore(arrived, before, 'the contract in the deputy manager\'s chat');
    await deputy.page.getByRole('button', { name: 'Approve', exact: true }).last().waitFor();
    await screenshot(deputy.page, 'two-03-deputy-approval');
    // The author may not decide: his cards have no Approve and say whom to ask.
    expect(await cardWithButton(manager.page, 'Approve').root.count()).toBe(0);
    await botText(manager.page, /Ask Rhiannon Whitlock\.$/).last().waitFor();
  }, STEP_MS);

  it("the deputy approves; the manager's drafted card changes in place to show who approved and when", async () => {
    const drafted = botText(manager.page, /^Contract version 1 drafted$/);
    expect(await drafted.count()).toBe(1);
    await deputy.click('Approve', /^Approved by Rhiannon Whitlock/);
    await screenshot(deputy.page, 'two-04-deputy-approved');
    await botText(manager.page, /^Approved by Rhiannon Whitlock/).first().waitFor({ timeout: 30_000 });
    await drafted.first().waitFor({ state: 'detached', timeout: 30_000 });
    await botText(manager.page, /^Your contract has been decided$/).last().waitFor();
    await screenshot(manager.page, 'two-05-manager-card-changed');
  }, STEP_MS);

  it('the approval booked the review on the agreed date in the manager\'s calendar: his notice opens it, with its Teams link', async () => {
    const { page, click } = manager;
    await click('The review meeting', /^Review meeting booked$/);
    await page.getByText(/Thu 22 Oct 2026, \d\d:\d\d–\d\d:\d\d/).last().waitFor();
    await screenshot(page, 'two-05b-review-booked');
    await joinButton(page).waitFor();
    // The week's diary (embedded Graph only) shows the event Outlook holds, by case reference.
    const diary = await fetch(`${app?.appUrl ?? ''}/demo/diary?user=morgan.ashby@outreach.example.org&week=2026-10-19`);
    const html = await diary.text();
    expect(html).toContain(`Review meeting: case ${reference}`);
    expect(html).not.toMatch(/Juniper|Quellwood/);
  }, STEP_MS);

  it("the team's Referrals channel has the referral, the allocation and the decision, by case reference only", async () => {
    const page = manager.page;
    await page.getByRole('treeitem', { name: /Referrals/ }).click();
    for (const post of [/^New referral: OC-/, /allocated/i, /approved/i]) await botText(page, post).first().waitFor();
    const posts = await page.getByRole('paragraph').allInnerTexts();
    expect(posts.join('\n')).toContain(reference);
    expect(posts.join('\n')).not.toMatch(/Juniper|Quellwood|Rosalind/);
    await screenshot(page, 'two-06-channel');
  }, STEP_MS);

  // Outside the counted walk (walkCase.e2e): the chat's "log time <reference>" and lone working, on this open case.
  it('"log time <reference>" from the chat opens the time sheet for the case; the time is logged', async () => {
    const { page, chat, click } = manager;
    await page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    await chat.send(`log time ${reference}`, botText(page, /^Log time$/), 'the time sheet');
    const time = cardWithButton(page, 'Log the time');
    await time.date('Date', '2026-09-14');
    await time.number('Hours (e.g. 1.5)', 1.5);
    await click('Log the time', /^Time logged/);
    await botText(page, /left/i).last().waitFor();
    await screenshot(page, 'two-07-time-logged');
  }, STEP_MS);

  it('lone working: the worker checks in to a visit (the manager is alerted if he does not check out) and checks out', async () => {
    const { page, chat } = manager;
    await chat.send(`case ${reference}`, botText(page, new RegExp(reference)), 'the case card');
    await clickOffer(page, chat, 'Check in to a visit', /^Check in to a home visit$/);
    // The form starts with now and an hour from now as the planned times.
    await manager.click('Check in', /^Checked in to the home visit$/);
    await botText(page, /manager is alerted/).last().waitFor();
    await screenshot(page, 'two-08-checked-in');
    await clickOffer(page, chat, 'Check out of the visit', /^Check out of the home visit$/);
    await manager.click('Check out: I am safely away', /^Checked out of the home visit$/);
  }, STEP_MS);
});
