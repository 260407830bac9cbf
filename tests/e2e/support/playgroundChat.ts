import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { cardWithButton, type CardForm } from './cardForm';
import type { WalkTally } from './walkTally';

/**
 * The Agents Playground's personal chat, driven as a person would: by role and visible text (its UI
 * has no test ids). Each step waits for something NEW to appear, so a card or message that was
 * already on the page never counts as the answer.
 */

export const botName = 'Outreach Cases';
const screenshotDir = path.resolve(__dirname, '..', 'screenshots');
const REPLY_TIMEOUT_MS = 30_000;

export async function openPlayground(page: Page, url: string): Promise<void> {
  page.setDefaultTimeout(30_000);
  await page.goto(url, { timeout: 60_000 });
  await messageBox(page).waitFor({ timeout: 60_000 });
}

/** The compose box: the one text box with no label (card inputs all have one). */
export const messageBox = (page: Page): Locator => page.getByRole('textbox', { name: /^$/ });

/** Waits until `locator` matches more elements than `before`, or fails naming `what`. */
export async function waitForMore(locator: Locator, before: number, what: string, timeoutMs = REPLY_TIMEOUT_MS): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await locator.count();
    if (count > before) return locator.nth(count - 1);
    if (Date.now() > deadline) throw new Error(`no new ${what} within ${timeoutMs / 1000} s (still ${count})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface PlaygroundChat {
  /** Types a chat message, sends it, and returns the newest element matching `expected` once a new one appears. */
  send(text: string, expected: Locator, what: string): Promise<Locator>;
  /** Clicks a card button (the newest with that title) and returns the newest `expected` once a new one appears. */
  click(buttonTitle: string, expected: Locator, what: string): Promise<Locator>;
  /** The newest card with that button, its fields filled through the chat's tally. */
  form(buttonTitle: string): CardForm;
}

/**
 * `explain` adds the logs to a timeout, so a failure says what the bot and the Playground did;
 * `tally`, when given, counts each click on a card button and each field filled.
 */
export function playgroundChat(page: Page, explain: () => string, tally?: WalkTally): PlaygroundChat {
  const withLogs = async (action: () => Promise<Locator>): Promise<Locator> => {
    try {
      return await action();
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${explain()}`);
    }
  };
  return {
    send: (text, expected, what) =>
      withLogs(async () => {
        const before = await expected.count();
        const box = messageBox(page);
        await box.click();
        await box.fill(text);
        await page.getByRole('button', { name: 'Send Message' }).click();
        return waitForMore(expected, before, `${what} after sending "${text}"`);
      }),
    click: (buttonTitle, expected, what) =>
      withLogs(async () => {
        const before = await expected.count();
        await page.getByRole('button', { name: buttonTitle, exact: true }).last().click();
        tally?.click();
        return waitForMore(expected, before, `${what} after clicking "${buttonTitle}"`);
      }),
    form: (buttonTitle) => cardWithButton(page, buttonTitle, tally),
  };
}

/** The line under a case's reference on its cards: "Step N of 10: <name>", or "Closed on …". */
const stepLines = (page: Page): Locator => botText(page, /^(Step \d+ of 10: .+|Closed on .+)$/);

/** Waits until the newest card's step line matches `expected`; fails naming the line it shows. */
export async function expectStepLine(page: Page, expected: RegExp, timeoutMs = REPLY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let shown = '';
  for (;;) {
    const lines = stepLines(page);
    const count = await lines.count();
    shown = count > 0 ? (await lines.nth(count - 1).innerText()).trim() : '(no step line)';
    if (expected.test(shown)) return;
    if (Date.now() > deadline) throw new Error(`the newest case card shows "${shown}", expected ${expected}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Replies from the bot whose text matches (messages and card text blocks alike). */
export const botText = (page: Page, text: string | RegExp): Locator => page.getByRole('paragraph').filter({ hasText: text });

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A screenshot of the newest card that carries a case's step line (a case card, or a record's outcome). */
export async function screenshotCaseCard(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  const card = page.locator('.ac-adaptiveCard').filter({ has: stepLines(page) }).last();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: file });
  return file;
}
