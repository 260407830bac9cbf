import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startAppUnderTest, type AppUnderTest } from './support/appUnderTest';
import { launchChromium, shouldRunEndToEnd } from './support/browser';
import { cardWithButton } from './support/cardForm';
import { allocateAndGatherInformation, clicker, draftContract, logReferral } from './support/caseWalk';
import { botText, openPlayground, playgroundChat, screenshot, waitForMore, type PlaygroundChat } from './support/playgroundChat';

/**
 * End to end, two people: the app as `npm start` runs it, with its two Agents Playgrounds (Morgan
 * Ashby, manager, and Harriet Lunde, outreach worker), each in its own Chromium page. The manager
 * allocates a case to the worker, who hears of it at once, works it to the contract and sends it
 * for approval; the manager gets the contract in their chat and approves it; the worker's card
 * changes in place without anyone refreshing.
 */
const describeEndToEnd = shouldRunEndToEnd(process.env) ? describe : describe.skip;
const STEP_MS = 120_000;

interface Person {
  context: BrowserContext;
  page: Page;
  chat: PlaygroundChat;
  click: ReturnType<typeof clicker>;
}

describeEndToEnd('a contract passes between the worker and the manager, in two Playgrounds', () => {
  let app: AppUnderTest | undefined;
  let browser: Browser | undefined;
  let manager: Person;
  let worker: Person;
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

  it('both windows open, one as the manager and one as the worker', async () => {
    expect(app?.workerPlaygroundUrl).toMatch(/^http:\/\/localhost:\d+$/);
    manager = await person(app?.playgroundUrl ?? '', 'Morgan Ashby');
    worker = await person(app?.workerPlaygroundUrl ?? '', 'Harriet Lunde');
    // Opening the team's Referrals channel adds the app to the team there: the bot learns where to post.
    await manager.page.getByRole('treeitem', { name: /Referrals/ }).click();
    await manager.page.getByRole('button', { name: 'Post', exact: true }).waitFor();
    await manager.page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    // Each says hello, so the bot knows where to reach them (as it would after install in Teams).
    await manager.chat.send('help', botText(manager.page, /new referral/i), 'help for the manager');
    await worker.chat.send('help', botText(worker.page, /new referral/i), 'help for the worker');
  }, STEP_MS);

  it('the manager logs a referral and allocates it to the worker, who is told at once in their chat', async () => {
    reference = await logReferral(manager.page, manager.chat);
    const told = botText(worker.page, /^A case has been allocated to you$/);
    const before = await told.count();
    await allocateAndGatherInformation(manager.page, manager.chat, 'Harriet Lunde');
    await waitForMore(told, before, 'allocation notification in the worker\'s chat');
    await botText(worker.page, new RegExp(reference)).last().waitFor();
    await screenshot(worker.page, 'two-01-worker-told');
  }, STEP_MS);

  it('the worker opens the case from the notification and works it to the contract', async () => {
    const { click } = worker;
    await click('Open the case', /^Step 3 of 10/);
    await click('Record the observation', /^Observation$/);
    const observation = cardWithButton(worker.page, 'Record the observation');
    await observation.text('Setting (class, lesson, time of day)', 'Year 4, maths after lunch');
    await observation.text('Outcome', 'Settles with an adult close by.');
    await observation.text('Way forward', 'Warnings before transitions.');
    await click('Record the observation', /^Observation recorded \(step 3\)$/);
    await click('Record the school meeting', /^Meeting record$/);
    const meeting = cardWithButton(worker.page, 'Record the meeting');
    await meeting.text('Who attended (one per line)', 'SENCo');
    await meeting.text('Notes', 'Went through the information form.');
    await click('Record the meeting', /^Meeting recorded \(step 4\)$/);
    await click('Record the home visit or call', /^Home visit or Teams call with the parent\/carer$/);
    const visit = cardWithButton(worker.page, 'Record it');
    await visit.pick('Teams call');
    await visit.text('Who attended (one per line)', 'Mother');
    await visit.text('Notes', 'Parent agrees with the plan.');
    await click('Record it', /^Teams call recorded \(step 5\)$/);
    await click('Skip it, with a reason', /^Skip the further observation \(step 6\)$/);
    await cardWithButton(worker.page, 'Record the reason').text('Why no further observation is needed', 'The first observation covered transitions.');
    await click('Record the reason', /^Further observation skipped \(step 6\)$/);
    await botText(worker.page, /Step 7 of 10/).last().waitFor();
  }, STEP_MS);

  it('the worker sends the contract for approval; the manager gets it in their chat with the buttons', async () => {
    const arrived = botText(manager.page, /^Outreach Contract, version 1$/);
    const before = await arrived.count();
    await draftContract(worker.page, worker.chat);
    await screenshot(worker.page, 'two-02-worker-drafted');
    await waitForMore(arrived, before, 'the contract in the manager\'s chat');
    await manager.page.getByRole('button', { name: 'Approve', exact: true }).last().waitFor();
    await screenshot(manager.page, 'two-03-manager-approval');
    // The worker may not decide: their card has no Approve.
    expect(await cardWithButton(worker.page, 'Approve').root.count()).toBe(0);
  }, STEP_MS);

  it("the manager approves; the worker's drafted card changes in place to show who approved and when", async () => {
    const drafted = botText(worker.page, /^Contract version 1 drafted$/);
    expect(await drafted.count()).toBe(1);
    await manager.click('Approve', /^Approved by Morgan Ashby/);
    await screenshot(manager.page, 'two-04-manager-approved');
    await botText(worker.page, /^Approved by Morgan Ashby/).first().waitFor({ timeout: 30_000 });
    await drafted.first().waitFor({ state: 'detached', timeout: 30_000 });
    await botText(worker.page, /^Your contract has been decided$/).last().waitFor();
    await screenshot(worker.page, 'two-05-worker-card-changed');
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
});
