import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { inMemoryCaseLocks } from '../../app/bot/caseLocks';
import { createServer } from '../../app/server';
import { Figures, dashboardRoutes, type FiguresQuery } from '../../tab/contract/dashboard';
import type { FiguresSource } from '../../tab/server/dashboardRoutes';
import { tabApp } from '../../tab/server/tabApi';
import { ok } from '../../workflow';
import { testRateLimits } from '../bot/botHarness';
import { buildWorld, people } from '../support/world';
import { bytes, parseCsv, readWorkbook } from './dashboardDownloads';

type Person = keyof typeof people;

/**
 * Figures with what trips exports up: names in other scripts, commas, quotes and line breaks, text
 * a spreadsheet would run as a formula, every kind of number, an empty cell and a totals row.
 */
const sample = (query: FiguresQuery): Figures => ({
  period: { label: query.year ?? '2025-26', from: '2025-09-01', to: '2026-08-31' },
  options: { years: [{ value: '2025-26', label: '2025-26' }], schools: [], workers: [], packages: [] },
  headlines: [{ id: 'pupils', label: 'Pupils supported', value: 3, kind: 'count' }],
  tables: [
    {
      id: 'schools',
      title: 'Pupils by school',
      description: 'Pupils supported in the period, by the school that referred them.',
      columns: [
        { key: 'school', label: 'School', kind: 'text' },
        { key: 'pupils', label: 'Pupils', kind: 'count' },
        { key: 'share', label: 'Share', kind: 'percent' },
        { key: 'income', label: 'Income', kind: 'money' },
        { key: 'hours', label: 'Hours delivered', kind: 'hours' },
        { key: 'wait', label: 'Days to first visit', kind: 'days' },
      ],
      rows: [
        { school: 'Zoë Ångström-Łukasz Academy', pupils: 1, share: 33.3, income: 1234.5, hours: 12.25, wait: 4.5 },
        { school: '=HYPERLINK("http://x.example","click")', pupils: 1, share: 33.3, income: 0, hours: 0, wait: null },
        { school: 'St. Mary\'s, "Upper"\nsite', pupils: 1, share: 33.4, income: 650, hours: 7, wait: 12 },
        { school: '北京 School / مدرسة', pupils: 0, share: 0, income: 0, hours: 0, wait: null },
        { school: '-1+2', pupils: 0, share: 0, income: 0, hours: 0, wait: null },
        { school: '@SUM(A1)', pupils: 0, share: 0, income: 0, hours: 0, wait: null },
      ],
      total: { school: 'Total', pupils: 3, share: 100, income: 1884.5, hours: 19.25, wait: null },
      chart: { kind: 'bar', label: 'school', series: ['pupils'] },
    },
    {
      id: 'destinations',
      title: 'Destinations at case end',
      description: 'Where pupils went when their case ended.',
      columns: [
        { key: 'destination', label: 'Destination', kind: 'text' },
        { key: 'pupils', label: 'Pupils', kind: 'count' },
      ],
      rows: [{ destination: 'Back in mainstream', pupils: 2 }, { destination: 'Specialist provision', pupils: 1 }],
    },
  ],
  computedAt: '2026-09-18T09:00:00.000Z',
});

async function startDashboard(figures: FiguresSource | null = async (_deps, _actor, query) => ok(sample(query))) {
  const world = await buildWorld('2026-09-18T09:00:00Z');
  const logger = pino({ level: 'silent' });
  const tab = tabApp({
    workflow: world.deps,
    auth: { mode: 'embedded-dev' },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    perPersonPerMinute: 1000,
    caseLocks: inMemoryCaseLocks(),
    clientDist: path.join(tmpdir(), 'no-tab-build-here'),
    ...(figures ? { figures } : {}),
  });
  const app = createServer({ logger, version: 'test', mounts: [tab], rateLimits: testRateLimits, tabPath: tab.path });
  const get = (url: string, who: Person) => request(app).get(url).set({ Authorization: `Bearer embedded-dev:${people[who]}` });
  return { get, download: (url: string, who: Person = 'manager') => get(url, who).buffer(true).parse(bytes) };
}

describe('the figures and their exports, through /tab/api/figures', () => {
  let d: Awaited<ReturnType<typeof startDashboard>>;
  let json: Figures;
  beforeAll(async () => {
    d = await startDashboard();
    const shown = await d.get(`${dashboardRoutes.figures}?year=2025-26`, 'manager');
    expect(shown.status).toBe(200);
    json = Figures.parse(shown.body);
  });

  it('refuses workers and the DSL in words (403); a bad query or format is a 400 naming the field', async () => {
    for (const who of ['worker', 'dsl'] as const) {
      const refused = await d.get(dashboardRoutes.figures, who);
      expect([refused.status, refused.body]).toEqual([403, { error: 'Only manager or admin staff can see the service\'s figures.', code: 'RoleRequired' }]);
      expect((await d.get(`${dashboardRoutes.figuresExport}?format=csv`, who)).status).toBe(403);
    }
    const year = await d.get(`${dashboardRoutes.figures}?year=2025`, 'manager');
    expect([year.status, year.body.error]).toEqual([400, 'Check the query: year: must be an academic year like 2025-26']);
    const format = await d.get(`${dashboardRoutes.figuresExport}?format=pdf`, 'admin');
    expect([format.status, format.body.error]).toEqual([400, 'Check the query: format: format must be csv or xlsx']);
    const table = await d.get(`${dashboardRoutes.figuresExport}?format=csv&table=nope`, 'admin');
    expect([table.status, table.body.error]).toEqual([400, 'Check the query: table: there is no table "nope"; the tables are schools, destinations (or all).']);
  });

  it('CSV of one table: a BOM, RFC 4180 quoting, formulas defused, numbers as in the JSON, a file name and no-store', async () => {
    const csv = await d.download(`${dashboardRoutes.figuresExport}?format=csv&table=schools&year=2025-26`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="outreach-figures-2025-26-schools.csv"');
    expect(csv.headers['cache-control']).toBe('no-store');
    const raw = csv.body as Buffer;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(raw.toString('utf8').slice(1));
    const table = json.tables[0];
    expect(header).toEqual(table?.columns.map((c) => c.label));
    const expected = [...(table?.rows ?? []), table?.total ?? {}].map((row) =>
      (table?.columns ?? []).map((c) => {
        const v = row[c.key];
        if (v === null || v === undefined) return '';
        if (typeof v === 'number') return String(v);
        return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
      }),
    );
    expect(rows).toEqual(expected);
    expect(rows[1]?.[0]).toBe('\'=HYPERLINK("http://x.example","click")');
    expect(rows[2]?.[0]).toBe('St. Mary\'s, "Upper"\nsite');
    expect(raw.toString('utf8')).toContain('"St. Mary\'s, ""Upper""\nsite"');
  });

  it('CSV of all tables: each under its title', async () => {
    const csv = await d.download(`${dashboardRoutes.figuresExport}?format=csv&table=all&year=2025-26`);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="outreach-figures-2025-26.csv"');
    const rows = parseCsv((csv.body as Buffer).toString('utf8').slice(1));
    expect(rows[0]).toEqual(['Pupils by school']);
    const second = rows.findIndex((r) => r[0] === 'Destinations at case end');
    expect(rows[second - 1]).toEqual(['']);
    expect(rows.slice(second + 1)).toEqual([['Destination', 'Pupils'], ['Back in mainstream', '2'], ['Specialist provision', '1']]);
  });

  it('Excel: one sheet per table (and one saying what each counts), header bold and frozen, formats per kind, read back equal to the JSON', async () => {
    const xlsx = await d.download(`${dashboardRoutes.figuresExport}?format=xlsx&year=2025-26`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="outreach-figures-2025-26.xlsx"');
    expect(xlsx.headers['cache-control']).toBe('no-store');
    const sheets = await readWorkbook(xlsx.body as Buffer);
    expect(sheets.map((s) => s.name)).toEqual(['schools', 'destinations', 'about']);
    for (const table of json.tables) {
      const sheet = sheets.find((s) => s.name === table.id);
      if (!sheet) throw new Error(`no sheet ${table.id}`);
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.headerBold).toBe(true);
      expect(sheet.rows[0]).toEqual(table.columns.map((c) => c.label));
      const body = sheet.rows.slice(1);
      const expected = [...table.rows, ...(table.total ? [table.total] : [])];
      expect(body).toHaveLength(expected.length);
      body.forEach((row, r) =>
        table.columns.forEach((c, i) => {
          const v = expected[r]?.[c.key] ?? null;
          if (c.kind === 'percent' && typeof v === 'number') expect(row[i]).toBeCloseTo(v / 100, 10);
          else expect(row[i]).toEqual(v);
        }),
      );
    }
    const schools = sheets[0];
    expect([2, 3, 4, 5, 6].map((col) => schools?.numFmt(col))).toEqual(['#,##0', '0.0%', '"£"#,##0.00', '#,##0.00', '#,##0.0']);
    expect(schools?.width(1)).toBeGreaterThan(20);
    expect(sheets[2]?.rows.slice(1).map((r) => r[0])).toEqual(['schools', 'destinations']);
  });

  it('answers 503 in words while no figures use case is wired', async () => {
    const without = await startDashboard(null);
    const answer = await without.get(dashboardRoutes.figures, 'manager');
    expect([answer.status, answer.body]).toEqual([503, { error: 'The figures are not available on this server yet.', code: 'NotAvailable' }]);
  });
});
