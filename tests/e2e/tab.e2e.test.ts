/**
 * End to end: the Teams tab in Debian Chromium against the app (embedded Graph, no Playground),
 * signed in with the demo sign-in as the demo worker and then the demo manager. Each page is
 * checked with axe (no serious or critical violation) and photographed in light and dark themes
 * and at phone width (tests/e2e/screenshots/tab-*.png).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, shouldRunEndToEnd } from './support/browser';
import { seedTabCases, startTabApp, type TabApp } from './support/tabApp';
import {
  actionCard,
  addChronologyEntry,
  caseloadLinks,
  caseloadTotal,
  eventually,
  expectAxeClean,
  folderEntryNames,
  folderShown,
  openCase,
  section,
  signInAs,
  tabScreenshot,
  totalShows,
  uploadOther,
} from './support/tabPages';

const run = shouldRunEndToEnd(process.env) ? describe : describe.skip;
jest.setTimeout(300_000);

const worker = 'Harriet Lunde';
const manager = 'Morgan Ashby';

run('the Teams tab in Chromium', () => {
  let app: TabApp;
  let browser: Browser;
  const refs = { observationNext: '', allocated: '', othersCase: '' };
  const pages: Page[] = [];

  beforeAll(async () => {
    app = await startTabApp('tab-e2e', async ({ world }) => {
      const ids = await seedTabCases({ world });
      for (const [k, id] of Object.entries(ids) as [keyof typeof refs, string][]) refs[k] = (await world.deps.stores.cases.get(id))?.reference ?? '';
    });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 60_000);

  const newPage = async (viewport = { width: 1366, height: 900 }): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    pages.push(page);
    return page;
  };

  test('the demo worker: sign in, their caseload, a case, a card form submitted, the folder browsed, a file uploaded', async () => {
    const page = await newPage();
    await page.goto(`${app.tabUrl('light')}#/cases`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expectAxeClean(page, 'the sign-in page');
    await tabScreenshot(page, 'signin-light');
    await signInAs(page, worker);

    // Their caseload: their two cases, not the other worker's.
    const links = await caseloadLinks(page);
    expect((await links.allInnerTexts()).sort()).toEqual([refs.observationNext, refs.allocated].sort());
    await expect(caseloadTotal(page).innerText()).resolves.toMatch(/^2 cases/);
    await expect(page.getByRole('row').filter({ hasText: refs.observationNext }).innerText()).resolves.toContain('3 of 10 · Initial observation');
    await expectAxeClean(page, "the worker's caseload");
    await tabScreenshot(page, 'caseload-light');

    // The case page: header, the ten steps, the card.
    await openCase(page, refs.observationNext);
    const steps = section(page, 'steps').getByRole('listitem');
    await expect(steps.count()).resolves.toBe(10);
    await expect(section(page, 'steps').locator('[aria-current="step"]').innerText()).resolves.toContain('3. Initial observation');
    await expect(actionCard(page).getByRole('button', { name: 'Record the observation' }).isVisible()).resolves.toBe(true);
    await folderShown(page);
    await expectAxeClean(page, 'the case page');
    await tabScreenshot(page, 'case-light');

    // Act on the card: a chronology entry's form opened from the case card and submitted.
    const note = 'Phoned the school about the new timetable.';
    await addChronologyEntry(page, note);
    await actionCard(page).getByText('Chronology entry added').waitFor();
    await expectAxeClean(page, 'the card after acting');
    // The page was fetched again: the chronology has the entry.
    await section(page, 'chronology').getByText(note, { exact: false }).waitFor();
    await tabScreenshot(page, 'case-acted-light');

    // The child's folder: the case's subfolder, then the child's folder above it, then back.
    await expect(folderEntryNames(page)).resolves.toEqual([]);
    const folder = section(page, 'folder');
    const crumbs = folder.getByRole('navigation', { name: 'Folder path' }).getByRole('button');
    await expect(crumbs.count()).resolves.toBe(2);
    await expect(crumbs.nth(1).innerText()).resolves.toBe(refs.observationNext);
    await crumbs.nth(0).click();
    await expect(eventually(() => crumbs.count(), (n) => n === 1)).resolves.toBe(1);
    await expect(folderEntryNames(page)).resolves.toContain(refs.observationNext);
    await expect(folder.getByRole('button', { name: 'Upload', exact: true }).count()).resolves.toBe(0); // only the case's own subfolder takes uploads
    await folder.getByRole('table', { name: 'Folder contents' }).getByRole('button', { name: refs.observationNext }).click();
    await folder.getByRole('button', { name: 'Upload', exact: true }).waitFor();

    // Upload an "Other" file: the API's message is shown, the file is listed, the chronology has it.
    const message = await uploadOther(page, 'tab-e2e-note.txt', 'A note uploaded by the tab e2e test.');
    expect(message).toContain('tab-e2e-note.txt');
    await folder.getByRole('link', { name: /tab-e2e-note\.txt/ }).waitFor();
    await expect(folderEntryNames(page)).resolves.toEqual(['tab-e2e-note.txt']);
    await expectAxeClean(page, 'the folder after an upload');
    await tabScreenshot(page, 'folder-light');

    // Back to the caseload by the link, then out.
    await page.getByRole('link', { name: '← All cases' }).click();
    await caseloadLinks(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  });

  test('the demo manager, dark theme: every case, filtered by worker and searched, sorted; a case acted on; its folder, with a file uploaded', async () => {
    const page = await newPage();
    await page.goto(`${app.tabUrl('dark')}#/cases`);
    await signInAs(page, manager);
    const links = await caseloadLinks(page);
    await expect(links.count()).resolves.toBe(3);
    await expectAxeClean(page, "the manager's caseload (dark)");
    await tabScreenshot(page, 'caseload-dark');

    // Filter by worker, then search by reference, then sort.
    await page.getByRole('combobox', { name: 'Worker' }).selectOption({ label: worker });
    await totalShows(page, /^2 cases/);
    await page.getByRole('combobox', { name: 'Worker' }).selectOption({ label: 'Everyone' });
    await page.getByRole('searchbox').fill(refs.othersCase);
    await totalShows(page, /^1 case /);
    await page.getByRole('searchbox').fill('');
    await totalShows(page, /^3 cases/);
    await page.getByRole('columnheader', { name: 'Reference' }).click();
    const sorted = [refs.observationNext, refs.allocated, refs.othersCase].sort().join(',');
    const shown = await eventually(async () => (await (await caseloadLinks(page)).allInnerTexts()).join(','), (v) => v === sorted);
    expect(shown).toBe(sorted);
    await expect(page.getByRole('columnheader', { name: 'Reference' }).getAttribute('aria-sort')).resolves.toBe('ascending');

    // Open the other worker's case from the keyboard, act on its card, see its folder.
    await page.getByRole('link', { name: refs.othersCase, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${refs.othersCase}`) }).waitFor();
    await actionCard(page).locator('.ac-adaptiveCard').first().waitFor();
    await addChronologyEntry(page, 'Manager checked the allocation.');
    await actionCard(page).getByText('Chronology entry added').waitFor();
    await section(page, 'chronology').getByText('Manager checked the allocation.').waitFor();
    await folderShown(page);
    // The manager uploads into that case's folder too: filed, listed, attributed to him in the chronology.
    const message = await uploadOther(page, 'manager-allocation-note.txt', 'A manager\'s note uploaded by the tab e2e test.');
    expect(message).toContain('manager-allocation-note.txt');
    await section(page, 'folder').getByRole('link', { name: /manager-allocation-note\.txt/ }).waitFor();
    await expectAxeClean(page, 'the case page (dark)');
    await tabScreenshot(page, 'case-dark');
  });

  test('phone width (390 x 844): the caseload as cards, the case page in one column', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${app.tabUrl('light')}#/cases`);
    await signInAs(page, worker);
    await caseloadLinks(page);
    await expect(page.getByRole('table', { name: 'Cases' }).count()).resolves.toBe(0);
    await expect(page.getByRole('list', { name: 'Cases' }).getByRole('listitem').count()).resolves.toBe(2);
    await expectAxeClean(page, 'the caseload at phone width');
    await tabScreenshot(page, 'caseload-phone', false);
    // Nothing wider than the screen.
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    await openCase(page, refs.allocated);
    await folderShown(page);
    await expectAxeClean(page, 'the case page at phone width');
    await tabScreenshot(page, 'case-phone', false);
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
  });

  test("high contrast: the caseload and a case pass axe; the channel tab's configuration page", async () => {
    const page = await newPage();
    await page.goto(`${app.tabUrl('contrast')}#/cases`);
    await signInAs(page, worker);
    await caseloadLinks(page);
    await expectAxeClean(page, 'the caseload (high contrast)');
    await tabScreenshot(page, 'caseload-contrast', false);
    await openCase(page, refs.allocated);
    await expectAxeClean(page, 'the case page (high contrast)');
    // The theme switcher (outside Teams only) changes the page and its cards at once.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
    await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe('dark');
    await page.goto(`${app.appUrl}/tab/config`);
    await page.getByRole('heading', { level: 1, name: 'Add the caseload to this channel' }).waitFor();
    await expectAxeClean(page, 'the configuration page');
  });

  test('a demo session of someone not on the Staff list goes back to the sign-in page, saying why', async () => {
    const page = await newPage();
    await page.goto(`${app.tabUrl('light')}#/cases`);
    await page.evaluate(`sessionStorage.setItem('outreach.demoUser', '00000000-0000-4000-8000-00000000dead')`);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByText("You are not on the outreach service's Staff list", { exact: false }).waitFor();
    await page.getByRole('button', { name: `Sign in as ${worker}` }).waitFor();
  });
});
