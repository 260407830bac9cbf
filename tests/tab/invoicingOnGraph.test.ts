import { randomIds } from '../../app/randomIds';
import { Invoicing, MarkedInvoiced, dashboardRoutes } from '../../tab/contract/dashboard';
import { useEmbeddedGraph } from '../graph/embeddedGraph';
import { buildWorld } from '../support/world';
import { overrunCase } from './invoicingWorld';

jest.setTimeout(120_000);

const graph = useEmbeddedGraph();

describe('marking invoiced on the SharePoint lists (the embedded Graph): real ETags and a unique idempotency key', () => {
  it('three marks at once of the same lines invoice each once; the purchase is invoiced once (If-Match, re-read on a conflict)', async () => {
    const world = await buildWorld('2026-11-20T09:00:00Z', { ...graph().ports, ids: randomIds });
    const { tab, c, bronze } = await overrunCase(world);
    const listed = Invoicing.parse((await tab.get(dashboardRoutes.invoicing, 'manager')).body);
    const overrun = listed.lines.find((l) => l.kind === 'overrun' && l.caseReference === c.reference);
    expect(overrun).toMatchObject({ id: `overrun:${c.id}:2026-27:0-2`, hoursOver: 2, amount: 200 });
    const lines = [`overrun:${c.id}:2026-27:0-2`, `purchase:${bronze.id}`];

    const answers = await Promise.all(['manager', 'admin', 'manager'].map((who) => tab.post(dashboardRoutes.markInvoiced, { lineIds: lines }, who as 'manager' | 'admin')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const bodies = answers.map((a) => MarkedInvoiced.parse(a.body));
    expect(bodies.reduce((n, b) => n + b.marked, 0)).toBe(2);
    expect(bodies.reduce((n, b) => n + b.alreadyInvoiced, 0)).toBe(4);

    for (const lineId of lines) expect(await world.deps.stores.invoices.find({ lineId })).toHaveLength(1);
    expect((await world.deps.stores.purchases.get(bronze.id))?.invoiceStatus).toBe('invoiced');
    const after = Invoicing.parse((await tab.get(`${dashboardRoutes.invoicing}?status=all`, 'manager')).body);
    expect(after.lines.filter((l) => lines.includes(l.id)).map((l) => l.invoiced)).toEqual([true, true]);
  });
});
