import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startAppUnderTest, type AppUnderTest } from './support/appUnderTest';
import { launchChromium, shouldRunEndToEnd } from './support/browser';
import { botText, openPlayground, playgroundChat, screenshot, type PlaygroundChat } from './support/playgroundChat';

/**
 * End to end: the app as `npm start` runs it (embedded Graph + Microsoft 365 Agents Playground), the
 * Playground's page in Debian Chromium, and one person (Morgan Ashby, demo manager and worker) walking
 * a case by chat and cards only. Screenshots go to tests/e2e/screenshots/.
 * Skipped only when /usr/bin/chromium is missing outside CI; in CI it always runs.
 */
const describeEndToEnd = shouldRunEndToEnd(process.env) ? describe : describe.skip;

/**
 * The chat steps need the bot (app/bot mounts it on /api/messages) and the card catalogue
 * (bot/cards/index.ts), which issue 4's other two parts add. Until both are in the repository those
 * steps are reported as skipped, never as passed; once they are, the steps run and can fail.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const botAndCardsPresent = existsSync(path.join(repoRoot, 'app', 'bot')) && existsSync(path.join(repoRoot, 'bot', 'cards', 'index.ts'));
const itWithBot = botAndCardsPresent ? it : it.skip;

describeEndToEnd('walking a case in the Agents Playground', () => {
  let app: AppUnderTest | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    app = await startAppUnderTest();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    chat = playgroundChat(page, () => app?.diagnostics() ?? '');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 60_000);

  it("the Playground opens as Morgan Ashby, pointed at the app's bot endpoint", async () => {
    await openPlayground(page, app?.playgroundUrl ?? '');
    await page.getByText('Morgan Ashby', { exact: true }).first().waitFor();
    await page.getByText(`Connecting to your application at ${app?.appUrl}/api/messages`).first().waitFor();
    await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
    await screenshot(page, '01-playground-open');
  }, 120_000);

  itWithBot('"help" gets a reply that lists the commands', async () => {
    const reply = await chat.send('help', botText(page, /new referral/i), 'help reply naming "new referral"');
    await screenshot(page, '02-help');
    expect(await reply.isVisible()).toBe(true);
  }, 120_000);

  // The walk from referral to closure, by chat and cards only, once the cards exist (issue 4):
  it.todo('"new referral": fill the referral form card and submit it; the card is replaced by the recorded referral and its case reference');
  it.todo('"case <reference>": allocate the case to Morgan Ashby (manager) from the case card');
  it.todo('record information returned, observation, school meeting, home visit and the further observation (or skip it with a reason)');
  it.todo('draft the outreach contract and approve it (manager), then record support sessions and "log time"');
  it.todo('record the review that ends outreach, the end-of-outreach report, parents informed, and close the case');
});
