/**
 * End to end: the manager's dashboard and invoicing in Debian Chromium against the app (embedded
 * Graph), with the demo sign-in. The demo manager sees the figures as charts with their tables,
 * filters them (the view kept in the link), exports Excel (read back with exceljs) and a CSV, and
 * marks a line invoiced once; a worker is told the pages are for managers. Each page is checked
 * with axe and photographed light, dark and at phone width (docs/screenshots/dashboard-*.png).
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, shouldRunEndToEnd } from './support/browser';
import { seedTabCases, startTabApp, type TabApp } from './support/tabApp';
import { eventually, expectAxeClean, signInAs } from './support/tabPages';

const run = shouldRunEndToEnd(process.env) ? describe : describe.skip;
jest.setTimeout(300_000);

const worker = 'Harriet Lunde';
const manager = 'Morgan Ashby';
const docsScreenshots = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(docsScreenshots, { recursive: true });
  await page.screenshot({ path: path.join(docsScreenshots, `${name}.png`), fullPage });
}

/** The dashboard once its figures are on screen: charts drawn, or the empty note. */
async function dashboardShown(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.getByTestId('figures-period').waitFor({ timeout: 60_000 });
}

run('the manager dashboard and invoicing in Chromium', () => {
  let app: TabApp;
  let browser: Browser;
  const downloads = path.join(__dirname, '..', '..', '.data', 'dashboard-e2e-downloads');

  beforeAll(async () => {
    mkdirSync(downloads, { recursive: true });
    app = await startTabApp('dashboard-e2e', async ({ world }) => void (await seedTabCases({ world })));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 60_000);

  const newPage = async (viewport = { width: 1366, height: 900 }): Promise<Page> => {
    const page = await browser.newPage({ viewport, acceptDownloads: true });
    return page;
  };

  test('the demo manager: figures as charts and tables, filters in the link, Excel and CSV exports', async () => {
    const page = await newPage();
    await page.goto(`${app.tabUrl('light')}#/cases`);
    await signInAs(page, manager);

    // The bar leads to the manager's pages, from the keyboard too.
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual(['Cases', 'Dashboard', 'Invoicing', 'Settings']);
    await nav.getByRole('link', { name: 'Dashboard' }).focus();
    await page.keyboard.press('Enter');
    await dashboardShown(page);
    await expect(nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).resolves.toBe('page');

    // Headline numbers, then each table with rows drawn as a chart and followed by its table.
    await expect(page.getByTestId('headlines').getByRole('listitem').count()).resolves.toBeGreaterThan(0);
    const charts = page.getByRole('img', { name: /chart: .*The figures are in the table that follows\.$/ });
    await charts.first().waitFor();
    const chartCount = await charts.count();
    expect(chartCount).toBeGreaterThan(0);
    // Every table has a caption (its description) and column headers, shown or not.
    const tables = page.getByRole('main').locator('section table');
    expect(await tables.count()).toBeGreaterThanOrEqual(chartCount);
    await expect(tables.first().locator('caption').innerText()).resolves.not.toBe('');
    await expect(tables.first().locator('th[scope="col"]').count()).resolves.toBeGreaterThan(1);

    await expectAxeClean(page, 'the dashboard');
    await screenshot(page, 'dashboard-light');

    // Show as table: the same numbers seen as a table (the chart stays for screen readers).
    const firstSection = page.locator('section[data-testid^="figures-"]').filter({ has: page.locator('canvas') }).first();
    await firstSection.getByRole('button', { name: 'Show as table' }).click();
    await expect(firstSection.getByRole('button', { name: 'Show as table' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(firstSection.getByRole('region').locator('table').isVisible()).resolves.toBe(true);
    await expectAxeClean(page, 'the dashboard with a table shown');

    // A filter goes into the link; opening the link again shows the same view.
    const period = page.getByRole('combobox', { name: 'Period' });
    await period.selectOption({ label: 'Between two dates' });
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-09-01');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-10-31');
    await expect(eventually(() => page.evaluate('location.hash'), (h) => String(h).includes('from=2026-09-01') && String(h).includes('to=2026-10-31'))).resolves.toContain('to=2026-10-31');
    const link = page.url();
    await dashboardShown(page);
    const again = await newPage();
    await again.goto(link);
    await signInAs(again, manager);
    await dashboardShown(again);
    await expect(again.getByRole('combobox', { name: 'Period' }).inputValue()).resolves.toBe('range');
    await expect(again.getByRole('textbox', { name: 'From', exact: true }).inputValue()).resolves.toBe('2026-09-01');
    await again.close();

    // Excel: every table a sheet, read back with exceljs.
    await period.selectOption({ index: 0 });
    await dashboardShown(page);
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (all tables)' }).click()]);
    expect(excel.suggestedFilename()).toMatch(/\.xlsx$/);
    const excelPath = path.join(downloads, excel.suggestedFilename());
    await excel.saveAs(excelPath);
    const bytes = readFileSync(excelPath);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(excelPath);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    await page.getByText(`Downloaded ${excel.suggestedFilename()}.`).waitFor();

    // CSV of one table: its header row is the table's column headings.
    const section = page.locator('section[data-testid^="figures-"]').filter({ has: page.getByRole('button', { name: /^Download CSV: / }) }).first();
    const headings = (await section.locator('thead th').allInnerTexts()).map((t) => t.trim());
    const [csv] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: /^Download CSV: / }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = path.join(downloads, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    const firstLine = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    for (const h of headings) expect(firstLine).toContain(h);
  });

  test('dark theme and phone width: charts redrawn in the theme, nothing wider than the screen', async () => {
    const page = await newPage();
    await page.goto(`${app.tabUrl('dark')}#/dashboard`);
    await signInAs(page, manager);
    await dashboardShown(page);
    await page.getByRole('img', { name: /chart:/ }).first().waitFor();
    await expectAxeClean(page, 'the dashboard (dark)');
    await screenshot(page, 'dashboard-dark');
    // The theme switched on the page: the charts are drawn again, and the page still passes.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'High contrast' });
    await expect(page.evaluate('document.documentElement.dataset.theme')).resolves.toBe('contrast');
    await expectAxeClean(page, 'the dashboard (high contrast)');
    await screenshot(page, 'dashboard-contrast', false);

    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(`${app.tabUrl('light')}#/dashboard`);
    await signInAs(phone, manager);
    await dashboardShown(phone);
    await phone.getByRole('img', { name: /chart:/ }).first().waitFor();
    await expectAxeClean(phone, 'the dashboard at phone width');
    await screenshot(phone, 'dashboard-phone');
    await expect(phone.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    const canvasWidth = await phone.getByRole('img', { name: /chart:/ }).first().evaluate((c) => c.getBoundingClientRect().width);
    expect(canvasWidth).toBeLessThanOrEqual(390);
  });

  test('invoicing: a line selected, confirmed with its count and total, marked once', async () => {
    const page = await newPage();
    await page.goto(`${app.tabUrl('light')}#/invoicing`);
    await signInAs(page, manager);
    await page.getByRole('heading', { level: 1, name: 'Invoicing' }).waitFor();
    const lines = page.getByTestId('invoicing-lines');
    await lines.waitFor({ timeout: 60_000 });
    await expectAxeClean(page, 'the invoicing page');
    await screenshot(page, 'invoicing-light');

    // The list as Excel: a real workbook whose sheet has a row per line (and its heading).
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel', exact: true }).click()]);
    const excelPath = path.join(downloads, excel.suggestedFilename());
    expect(excelPath).toMatch(/\.xlsx$/);
    await excel.saveAs(excelPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(excelPath);
    expect(workbook.worksheets[0]?.actualRowCount ?? 0).toBeGreaterThan(await lines.locator('tbody tr').count());

    // One line chosen: the button names nothing yet, the dialog names the count and the total.
    const boxes = lines.locator('tbody').getByRole('checkbox');
    const before = await boxes.count();
    expect(before).toBeGreaterThan(0);
    await boxes.first().check();
    const selection = await page.getByTestId('invoicing-selection').innerText();
    expect(selection).toMatch(/^1 line selected · £/);
    const amount = selection.split(' · ')[1] ?? '';

    // The POST is held back a moment: a second click while it is on its way sends nothing.
    let posts = 0;
    await page.route('**/tab/api/invoicing/mark', async (route) => {
      posts += 1;
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Mark invoiced' }).click();
    const confirmation = page.getByTestId('mark-confirm');
    await confirmation.getByText(`One line, ${amount} in all`, { exact: false }).waitFor();
    await expect(confirmation.getByText('Mark 1 line invoiced?').count()).resolves.toBe(1);
    await expectAxeClean(page, 'the invoicing confirmation');
    await confirmation.getByRole('button', { name: 'Yes, mark invoiced' }).click();
    const marking = confirmation.getByRole('button', { name: 'Marking…' });
    await expect(marking.isDisabled()).resolves.toBe(true);
    await marking.click({ force: true, timeout: 2_000 }).catch(() => undefined);
    await page.getByTestId('invoicing-outcome').waitFor({ timeout: 30_000 });
    expect(posts).toBe(1);
    await expect(page.getByTestId('invoicing-outcome').innerText()).resolves.not.toBe('');
    // To invoice: one line fewer. Invoiced: it is there, with today's date and the manager's name.
    await expect(eventually(() => boxes.count(), (n) => n === before - 1)).resolves.toBe(before - 1);
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Invoiced' });
    await lines.getByText(manager).first().waitFor();
    await expectAxeClean(page, 'the invoicing page after marking');
  });

  test('a worker is told the dashboard and invoicing are for managers and admins', async () => {
    const page = await newPage();
    await page.goto(`${app.tabUrl('light')}#/dashboard`);
    await signInAs(page, worker);
    await page.getByTestId('managers-only').getByText('Only managers and admins').waitFor();
    await expect(page.getByRole('navigation', { name: 'Pages' }).count()).resolves.toBe(0);
    await expect(page.getByRole('img', { name: /chart:/ }).count()).resolves.toBe(0);
    await expectAxeClean(page, "the dashboard's note for a worker");
    await page.evaluate(`location.hash = '#/invoicing'`);
    await page.getByRole('heading', { level: 1, name: 'Invoicing' }).waitFor();
    await page.getByTestId('managers-only').waitFor();
  });
});
