import { Invoicing, MarkedInvoiced, dashboardRoutes, type InvoicingLine } from '../../tab/contract/dashboard';
import { people } from '../support/world';
import { overrunCase } from './invoicingWorld';
import { bytes, parseCsv, readWorkbook } from './dashboardDownloads';
import type { startTab } from './tabHarness';

type Tab = Awaited<ReturnType<typeof startTab>>;

const list = async (tab: Tab, query = '', who: Parameters<Tab['get']>[1] = 'manager') => {
  const answer = await tab.get(`${dashboardRoutes.invoicing}${query}`, who);
  expect([answer.status, answer.body]).toEqual([200, expect.anything()]);
  expect(answer.headers['cache-control']).toBe('no-store');
  return Invoicing.parse(answer.body);
};
const mark = async (tab: Tab, lineIds: string[], who: Parameters<Tab['post']>[2] = 'manager') => tab.post(dashboardRoutes.markInvoiced, { lineIds }, who);
const overrunOf = (lines: InvoicingLine[], caseReference: string) => lines.filter((l) => l.kind === 'overrun' && l.caseReference === caseReference);

describe('the invoicing list and marking lines invoiced, through /tab/api/invoicing', () => {
  it('lists the hours over at the year\'s consultancy rate, by case reference (never the child\'s name), and every purchase not invoiced', async () => {
    const { tab, c, bronze } = await overrunCase();
    const shown = await list(tab);
    const [over] = overrunOf(shown.lines, c.reference);
    expect(over).toEqual({
      id: `overrun:${c.id}:2026-27:0-2`,
      kind: 'overrun',
      schoolId: bronze.schoolId,
      schoolName: expect.any(String),
      purchaseOrderNumber: 'SW-0412',
      packageName: 'Hours over Bronze Package',
      financialYear: '2026-27',
      caseReference: c.reference,
      hoursOver: 2,
      ratePerHour: 100,
      amount: 200,
      invoiced: false,
    });
    expect(shown.lines.find((l) => l.id === `purchase:${bronze.id}`)).toMatchObject({ kind: 'purchase', purchaseOrderNumber: 'SW-0412', amount: 650, invoiced: false });
    expect(shown.canMark).toBe(true);
    expect(shown.totals.toInvoice).toBe(shown.lines.reduce((sum, l) => sum + l.amount, 0));
    expect(JSON.stringify(shown)).not.toMatch(/Zoë|Ångström/);
  });

  it('refuses workers and the DSL in words (403), and a bad query by its field (400)', async () => {
    const { tab } = await overrunCase();
    for (const who of ['worker', 'dsl'] as const) {
      const refused = await tab.get(dashboardRoutes.invoicing, who);
      expect([refused.status, refused.body]).toEqual([403, { error: 'Only manager or admin staff can see the invoicing list.', code: 'RoleRequired' }]);
      expect((await mark(tab, ['purchase:1'], who)).status).toBe(403);
      expect((await tab.get(`${dashboardRoutes.invoicingExport}?format=csv`, who)).status).toBe(403);
    }
    const bad = await tab.get(`${dashboardRoutes.invoicing}?status=paid`, 'manager');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^Check the query: status: /);
    const empty = await mark(tab, []);
    expect([empty.status, empty.body.error]).toEqual([400, 'Check the body: lineIds: name at least one line']);
  });

  it('marking twice invoices once: the second answers "already invoiced", one Invoice item per line, the purchase invoiced, audited by ids', async () => {
    const { tab, c, bronze } = await overrunCase();
    const overrun = `overrun:${c.id}:2026-27:0-2`;
    const first = await mark(tab, [overrun, `purchase:${bronze.id}`]);
    expect([first.status, MarkedInvoiced.parse(first.body)]).toEqual([200, { marked: 2, alreadyInvoiced: 0, message: '2 lines marked invoiced (£850.00).' }]);
    const again = await mark(tab, [overrun, `purchase:${bronze.id}`]);
    expect(again.body).toEqual({ marked: 0, alreadyInvoiced: 2, message: 'Nothing new was marked invoiced. 2 lines were invoiced already, and not again.' });

    const invoices = await tab.world.deps.stores.invoices.list();
    expect(invoices.map((i) => i.lineId).sort()).toEqual([overrun, `purchase:${bronze.id}`].sort());
    expect((await tab.world.deps.stores.purchases.get(bronze.id))?.invoiceStatus).toBe('invoiced');

    const toInvoice = await list(tab);
    expect(toInvoice.lines.map((l) => l.id)).not.toContain(overrun);
    expect(toInvoice.lines.map((l) => l.id)).not.toContain(`purchase:${bronze.id}`);
    const invoiced = await list(tab, '?status=invoiced');
    const manager = await tab.world.staff(people.manager);
    expect(invoiced.lines.find((l) => l.id === overrun)).toMatchObject({ invoiced: true, invoicedOn: '2026-11-20', invoicedBy: manager.displayName, hoursOver: 2, amount: 200 });
    expect(invoiced.totals.invoiced).toBe(850);

    const audit = await tab.world.deps.audit.forCase(c.id);
    const marked = audit.filter((e) => e.action === 'invoice.marked');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.detail).toEqual({ lineId: overrun, invoiceId: expect.any(String) });
  });

  it('more hours after invoicing show as a new line for the new hours only; the old id stays invoiced, a stale one is refused by name', async () => {
    const { tab, c, logged } = await overrunCase();
    expect((await mark(tab, [`overrun:${c.id}:2026-27:0-2`])).body.marked).toBe(1);
    await logged('2026-11-02', 1.5);

    const [fresh] = overrunOf((await list(tab)).lines, c.reference);
    expect(fresh).toMatchObject({ id: `overrun:${c.id}:2026-27:2-3.5`, hoursOver: 1.5, amount: 150, invoiced: false });
    const all = overrunOf((await list(tab, '?status=all')).lines, c.reference);
    expect(all.map((l) => [l.id, l.invoiced])).toEqual(expect.arrayContaining([[`overrun:${c.id}:2026-27:0-2`, true], [`overrun:${c.id}:2026-27:2-3.5`, false]]));

    const stale = await mark(tab, [`overrun:${c.id}:2026-27:0-3.5`]);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toContain(`overrun:${c.id}:2026-27:0-3.5`);
    const unknown = await mark(tab, ['purchase:99999', `overrun:${c.id}:2026-27:2-3.5`]);
    expect([unknown.status, unknown.body.error]).toEqual([404, 'purchase:99999 is not on the invoicing list: nothing was marked.']);

    const second = await mark(tab, [`overrun:${c.id}:2026-27:2-3.5`, `overrun:${c.id}:2026-27:0-2`]);
    expect(second.body).toMatchObject({ marked: 1, alreadyInvoiced: 1 });
    expect(overrunOf((await list(tab)).lines, c.reference)).toEqual([]);
    const invoices = await tab.world.deps.stores.invoices.find({ caseId: c.id });
    expect(invoices.map((i) => [i.fromHours, i.hours, i.amount]).sort()).toEqual([[0, 2, 200], [2, 1.5, 150]]);
  });

  it('two managers marking the same lines at once invoice each line once', async () => {
    const { tab, c, bronze } = await overrunCase();
    const lines = [`overrun:${c.id}:2026-27:0-2`, `purchase:${bronze.id}`];
    const answers = await Promise.all([mark(tab, lines, 'manager'), mark(tab, lines, 'admin'), mark(tab, lines, 'manager')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const bodies = answers.map((a) => MarkedInvoiced.parse(a.body));
    expect(bodies.reduce((n, b) => n + b.marked, 0)).toBe(2);
    expect(bodies.reduce((n, b) => n + b.alreadyInvoiced, 0)).toBe(4);
    expect((await tab.world.deps.stores.invoices.list()).map((i) => i.lineId).sort()).toEqual([...lines].sort());
  });

  it('exports the list as CSV and Excel, read back equal to the JSON', async () => {
    const { tab, c } = await overrunCase();
    const shown = await list(tab, '?status=all&year=2026-27');

    const csv = await tab.get(`${dashboardRoutes.invoicingExport}?format=csv&status=all&year=2026-27`, 'manager').buffer(true).parse(bytes);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="outreach-invoicing-2026-27-all.csv"');
    expect(csv.headers['cache-control']).toBe('no-store');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header?.slice(0, 3)).toEqual(['Line', 'School', 'Purchase order']);
    expect(rows).toHaveLength(shown.lines.length + 1);
    for (const [index, line] of shown.lines.entries()) {
      const row = rows[index] ?? [];
      expect([row[0], row[1], row[8], row[9]]).toEqual([line.id, line.schoolName, String(line.amount), line.invoiced ? 'Yes' : 'No']);
    }
    expect(rows.at(-1)?.[8]).toBe(String(shown.totals.toInvoice + shown.totals.invoiced));
    expect(text).toContain(c.reference);

    const xlsx = await tab.get(`${dashboardRoutes.invoicingExport}?format=xlsx&status=all&year=2026-27`, 'manager').buffer(true).parse(bytes);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="outreach-invoicing-2026-27-all.xlsx"');
    const [sheet] = await readWorkbook(xlsx.body as Buffer);
    expect(sheet?.name).toBe('invoicing');
    expect(sheet?.frozenRows).toBe(1);
    expect(sheet?.headerBold).toBe(true);
    expect(sheet?.numFmt(9)).toBe('"£"#,##0.00');
    expect(sheet?.rows.slice(1, -1).map((r) => [r[0], r[8]])).toEqual(shown.lines.map((l) => [l.id, l.amount]));
  });
});
