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

  it('the Playground opens as Morgan Ashby, connected to the bot', async () => {
    await openPlayground(page, app?.playgroundUrl ?? '');
    await page.getByText('Morgan Ashby', { exact: true }).first().waitFor();
    await page.getByText(/Connected\./).first().waitFor();
    await screenshot(page, '01-playground-open');
  }, 120_000);

  it('"help" gets a reply that lists the commands', async () => {
    const reply = await chat.send('help', botText(page, /new referral/i), 'help reply naming "new referral"');
    await screenshot(page, '02-help');
    expect(await reply.isVisible()).toBe(true);
  }, 120_000);
});
