import type { Browser, Page } from 'playwright-core';
import { startAppUnderTest, type AppUnderTest } from './support/appUnderTest';
import { launchChromium, shouldRunEndToEnd } from './support/browser';
import { cardWithButton } from './support/cardForm';
import { allocateAndGatherInformation, clicker, draftContract, logReferral } from './support/caseWalk';
import { botText, openPlayground, playgroundChat, screenshot, waitForMore, type PlaygroundChat } from './support/playgroundChat';

/**
 * End to end: the app as `npm start` runs it (embedded Graph + Microsoft 365 Agents Playground), the
 * Playground's page in Debian Chromium, and one person (Morgan Ashby, demo manager and worker) walking
 * a case from referral to closure by chat and cards only. The one step he may not take alone is the
 * approval of the contract he drafted (Separation of duties): the deputy manager, Rhiannon Whitlock,
 * gives it in the second Playground. Screenshots go to tests/e2e/screenshots/.
 * Skipped only when /usr/bin/chromium is missing outside CI; in CI it always runs.
 * The clock is set to a Monday in the autumn term so the dates the cards default to fall in term.
 */
const describeEndToEnd = shouldRunEndToEnd(process.env) ? describe : describe.skip;
const STEP_MS = 120_000;

describeEndToEnd('walking a case in the Agents Playground', () => {
  let app: AppUnderTest | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let chat: PlaygroundChat;
  let reference = '';

  beforeAll(async () => {
    app = await startAppUnderTest({ clockNow: '2026-09-14T09:00:00Z' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    chat = playgroundChat(page, () => app?.diagnostics() ?? '');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 60_000);

  const click = (button: string, expected: RegExp) => clicker(page, chat)(button, expected);

  it("the Playground opens as Morgan Ashby, pointed at the app's bot endpoint", async () => {
    await openPlayground(page, app?.playgroundUrl ?? '');
    await page.getByText('Morgan Ashby', { exact: true }).first().waitFor();
    await page.getByText(`Connecting to your application at ${app?.appUrl}/api/messages`).first().waitFor();
    await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
    await screenshot(page, '01-playground-open');
  }, STEP_MS);

  it('"help" gets a reply that lists the commands', async () => {
    const reply = await chat.send('help', botText(page, /new referral/i), 'help reply naming "new referral"');
    await screenshot(page, '02-help');
    expect(await reply.isVisible()).toBe(true);
  }, STEP_MS);

  it('"new referral": the form is filled and logged; the card becomes the recorded referral with its reference', async () => {
    reference = await logReferral(page, chat, () => screenshot(page, '03-referral-form').then(() => undefined));
    await botText(page, /Step 2 of 10/).last().waitFor();
    await screenshot(page, '04-referral-logged');
  }, STEP_MS);

  it("step 2: the manager allocates the case (each worker's load shown), the information is requested and returned", async () => {
    await allocateAndGatherInformation(page, chat, 'Morgan Ashby', () => screenshot(page, '05-allocate').then(() => undefined));
    await botText(page, /Step 3 of 10/).last().waitFor();
    await screenshot(page, '06-information-returned');
  }, STEP_MS);

  it('step 3: the initial observation', async () => {
    await click('Record the observation', /^Observation$/);
    const form = cardWithButton(page, 'Record the observation');
    await form.text('Setting (class, lesson, time of day)', 'Year 4, maths after lunch');
    await form.text('Outcome', 'Settles with an adult close by; leaves the room when the lesson changes.');
    await form.text('Way forward', 'Warnings before transitions and a calm space.');
    await form.text('In use and working', 'Visual timetable');
    await click('Record the observation', /^Observation recorded \(step 3\)$/);
    await botText(page, /Step 4 of 10/).last().waitFor();
    await screenshot(page, '07-observation');
  }, STEP_MS);

  it('step 4: the initial meeting with the school', async () => {
    await click('Record the school meeting', /^Meeting record$/);
    const form = cardWithButton(page, 'Record the meeting');
    await form.text('Who attended (one per line)', 'SENCo\nClass teacher');
    await form.text('Notes', 'Went through the information form and the PDP.');
    await form.text('Support agreed', 'Weekly sessions in school');
    await click('Record the meeting', /^Meeting recorded \(step 4\)$/);
    await botText(page, /Step 5 of 10/).last().waitFor();
    await screenshot(page, '08-school-meeting');
  }, STEP_MS);

  it('step 5: lone-working check-in and check-out around the home visit, then its record', async () => {
    await click('Check in to a visit', /^Check in to a home visit$/);
    // The form starts with now and an hour from now as the planned times.
    await click('Check in', /^Checked in to the home visit$/);
    await botText(page, /manager is alerted/).last().waitFor();
    await screenshot(page, '09-checked-in');
    await click('Check out of the visit', /^Check out of the home visit$/);
    await click('Check out: I am safely away', /^Checked out of the home visit$/);
    await click('Record the home visit or call', /^Home visit or Teams call with the parent\/carer$/);
    const visit = cardWithButton(page, 'Record it');
    await visit.pick('Home visit');
    await visit.text('Who attended (one per line)', 'Mother');
    await visit.text('Notes', 'Parent keen on the plan; consent confirmed.');
    await click('Record it', /^Home visit recorded \(step 5\)$/);
    await botText(page, /Step 6 of 10/).last().waitFor();
    await screenshot(page, '10-home-visit');
  }, STEP_MS);

  it('step 6: the further observation is skipped with a reason', async () => {
    await click('Skip it, with a reason', /^Skip the further observation \(step 6\)$/);
    await cardWithButton(page, 'Record the reason').text('Why no further observation is needed', 'The first observation covered transitions in detail.');
    await click('Record the reason', /^Further observation skipped \(step 6\)$/);
    await botText(page, /Step 7 of 10/).last().waitFor();
  }, STEP_MS);

  it('step 7: the contract is drafted, approved by the deputy manager in the second Playground, and the parents informed', async () => {
    if (!browser) throw new Error('no browser');
    const deputyPage = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    const deputyChat = playgroundChat(deputyPage, () => app?.diagnostics() ?? '');
    await openPlayground(deputyPage, app?.workerPlaygroundUrl ?? '');
    await deputyPage.getByText('Rhiannon Whitlock', { exact: true }).first().waitFor();
    // Saying hello lets the bot reach her in this chat (as it would after install in Teams).
    await deputyChat.send('help', botText(deputyPage, /new referral/i), 'help for the deputy manager');
    await draftContract(page, chat, () => screenshot(page, '11-contract-draft').then(() => undefined));
    // The author may not approve: the case card says whom to ask.
    await botText(page, /Ask Rhiannon Whitlock\.$/).last().waitFor();
    await deputyPage.getByRole('button', { name: 'Approve', exact: true }).last().waitFor();
    await screenshot(deputyPage, '12-contract-approval');
    const decided = botText(page, /^Your contract has been decided$/);
    const before = await decided.count();
    await clicker(deputyPage, deputyChat)('Approve', /^Approved by Rhiannon Whitlock/);
    await waitForMore(decided, before, 'the decision in the manager\'s chat');
    await click('Open the case', /Step 8 of 10/);
    await click('Parents informed of the contract', /^Parents informed of the contract$/);
    await click('Record that they were told', /^Parents informed of contract version 1$/);
    await screenshot(page, '13-contract-approved');
  }, STEP_MS);

  it('step 8: a support session, then "log time <reference>" from the chat', async () => {
    await click('Record a support session', /^Support session$/);
    const session = cardWithButton(page, 'Record the session');
    await session.date('Date delivered', '2026-09-14');
    await session.number('Hours (e.g. 1.5)', 1.5);
    await session.text('Summary of the session', 'Practised the calm-space routine with the teaching assistant.');
    await click('Record the session', /^Support session recorded \(step 8\)$/);
    await botText(page, /Step 9 of 10/).last().waitFor();
    await chat.send(`log time ${reference}`, botText(page, /^Log time$/), 'the time sheet');
    const time = cardWithButton(page, 'Log the time');
    await time.date('Date', '2026-09-14');
    await time.number('Hours (e.g. 1.5)', 1.5);
    await click('Log the time', /^Time logged/);
    await botText(page, /left/i).last().waitFor();
    await screenshot(page, '14-time-logged');
  }, STEP_MS);

  it('step 9: the review ends the support; completing files and sends the report and closes the case', async () => {
    await click('Record the review', /^Review of the contract$/);
    const review = cardWithButton(page, 'Record the review');
    await review.date('Date the review was held', '2026-09-14');
    await review.pick('End: support ends');
    await review.text('Summary of the review', 'Targets met; the school will carry on the strategies.');
    await review.choose('Where the pupil goes next (needed when support ends)', 'Back in mainstream');
    await click('Record the review', /^Review recorded/);
    await click('Complete and close the case', /^Complete and close the case$/);
    await click('Complete and close', /^Case completed and closed$/);
    await botText(page, /^Closed$/).last().waitFor();
    await screenshot(page, '15-case-closed');
    await chat.send(`case ${reference}`, botText(page, new RegExp(reference)), 'the closed case card');
    await screenshot(page, '16-closed-case-card');
  }, STEP_MS);
});
