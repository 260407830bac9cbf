import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, describeViolations } from './tabAxe';

export const screenshotDir = path.resolve(__dirname, '..', 'screenshots');

/** Saves tests/e2e/screenshots/tab-<name>.png (kept as an artifact). */
export async function tabScreenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `tab-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** axe on the page as it is: no violation of serious or critical impact (the rest are reported in the message). */
export async function expectAxeClean(page: Page, where: string): Promise<void> {
  // The pointer left where the last click was would hover whatever is there now: check the page at rest.
  await page.mouse.move(0, 0);
  const violations = await axeViolations(page);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) throw new Error(`axe on ${where}:\n${describeViolations(violations)}`);
  if (violations.length > 0) console.warn(`axe on ${where} (minor):\n${describeViolations(violations)}`);
}

/** The sign-in page, then the demo staff member's button. */
export async function signInAs(page: Page, displayName: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByRole('button', { name: `Sign in as ${displayName}` }).click();
  await page.getByText(`Signed in as ${displayName}`).waitFor();
}

/** The caseload's rows (table at desktop width, list of cards at phone width) once loaded. */
export async function caseloadLinks(page: Page): Promise<Locator> {
  const links = page.getByRole('main').getByRole('link', { name: /^OC-\d\d-/ });
  await links.first().waitFor();
  return links;
}

export const caseloadTotal = (page: Page): Locator => page.getByTestId('caseload-total');

/** Opens a case from the caseload by its reference, and waits for its page and its card. */
export async function openCase(page: Page, reference: string): Promise<void> {
  await page.getByRole('link', { name: reference, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${reference}`) }).waitFor();
  await actionCard(page).locator('.ac-adaptiveCard').first().waitFor();
}

export const actionCard = (page: Page): Locator => page.getByTestId('action-card');
export const section = (page: Page, testId: 'steps' | 'chronology' | 'contracts' | 'meetings' | 'hours' | 'folder'): Locator => page.getByTestId(testId);

/**
 * From the case card: More actions → Chronology entry, a note typed, the form submitted. Resolves
 * once the answer card is shown (the form gone).
 */
export async function addChronologyEntry(page: Page, note: string): Promise<void> {
  const card = actionCard(page);
  await card.getByRole('button', { name: 'More actions' }).click();
  await card.getByRole('button', { name: 'Chronology entry' }).click();
  const noteBox = card.getByRole('textbox', { name: /^Note/ });
  await noteBox.waitFor();
  await noteBox.fill(note);
  await card.getByRole('button', { name: 'Add to the chronology' }).click();
  await noteBox.waitFor({ state: 'detached' });
}

/** The folder panel once it has loaded: its path (breadcrumb) is shown. */
export async function folderShown(page: Page): Promise<Locator> {
  const folder = section(page, 'folder');
  await folder.getByRole('navigation', { name: 'Folder path' }).waitFor();
  return folder;
}

/** The names listed in the folder now (none when it is empty). */
export async function folderEntryNames(page: Page): Promise<string[]> {
  const folder = await folderShown(page);
  const table = folder.getByRole('table', { name: 'Folder contents' });
  if ((await table.count()) === 0) return [];
  return (await table.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
}

/** Uploads a small text file as "Other" and waits for the message the API returned. */
export async function uploadOther(page: Page, name: string, text: string): Promise<string> {
  const folder = section(page, 'folder');
  await folder.getByLabel('File', { exact: true }).setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await folder.getByRole('radio', { name: 'Other' }).check();
  await folder.getByRole('button', { name: 'Upload', exact: true }).click();
  const message = folder.locator('.fui-MessageBar');
  await message.first().waitFor();
  return (await message.first().innerText()).trim();
}

/** Waits until the caseload's count line matches (the list answers after the debounce and the request). */
export async function totalShows(page: Page, text: RegExp): Promise<void> {
  await caseloadTotal(page).filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

/** Polls `read` until `done` holds for it (or the time is up), and returns the last value read. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
