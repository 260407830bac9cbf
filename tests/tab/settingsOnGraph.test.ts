import pino from 'pino';
import { randomIds } from '../../app/randomIds';
import { defaultWorkflowSettings, loadWorkflowConfig } from '../../app/data/workflowConfig';
import { startLiveSettings } from '../../app/settings/liveSettings';
import { PriceListSettings, Saved, settingsRoutes } from '../../tab/contract/settings';
import type { WorkflowDeps } from '../../workflow';
import { startEmbeddedGraph, type EmbeddedGraph } from '../graph/embeddedGraph';
import { buildWorld } from '../support/world';
import { startSettingsTabOn, type SettingsTab } from './settingsHarness';

jest.setTimeout(120_000);

/** The settings on the embedded Graph: stored in the ServiceSettings list, SharePoint's ETags for versions, read back at a restart. */
let graph: EmbeddedGraph;
let tab: SettingsTab;
beforeAll(async () => {
  graph = await startEmbeddedGraph({ referenceCache: { refreshMs: 60_000, now: () => Date.now() } });
  tab = await startSettingsTabOn(await buildWorld('2026-09-18T09:00:00Z', { ...graph.ports, ids: randomIds }));
});
afterAll(async () => {
  await graph.stop();
});

const silverOf = (deps: Pick<WorkflowDeps, 'config'>) => deps.config.priceLists.find((l) => l.financialYear === '2026-27')?.items.find((i) => i.code === 'silver')?.price;
const silverChange = (list: PriceListSettings['priceLists'][number], price: number) => {
  const { financialYear: _year, ...change } = list;
  return { ...change, items: list.items.map((i) => (i.code === 'silver' ? { ...i, price } : i)) };
};

it('a price saved through the API is stored in the ServiceSettings list, refused from a stale page, and read back by a restarted instance', async () => {
  const list = PriceListSettings.parse((await tab.read(settingsRoutes.priceLists, 'admin')).body).priceLists.find((l) => l.financialYear === '2026-27');
  if (!list) throw new Error('no 2026-27 list');
  expect(list.etag).toBe('file');
  const first = await tab.change(settingsRoutes.priceList('2026-27'), silverChange(list, 1300), 'admin');
  expect(first.status).toBe(200);
  const saved = Saved.parse(first.body);
  expect(saved.etag).not.toBe('file');
  // A second save from the page read before the first: refused, on the first save (no item yet) and on an update.
  expect((await tab.change(settingsRoutes.priceList('2026-27'), silverChange(list, 1400), 'admin')).status).toBe(409);
  const second = await tab.change(settingsRoutes.priceList('2026-27'), { ...silverChange(list, 1350), etag: saved.etag }, 'admin');
  expect(second.status).toBe(200);
  expect((await tab.change(settingsRoutes.priceList('2026-27'), { ...silverChange(list, 1400), etag: saved.etag }, 'admin')).status).toBe(409);
  expect(silverOf(tab.world.deps)).toBe(1350);

  const [stored] = await graph.ports.stores.settings.find({ key: 'price-list:2026-27' });
  expect(stored?.etag).toBe(Saved.parse(second.body).etag);

  const restarted: WorkflowDeps = { ...tab.world.deps, config: loadWorkflowConfig(defaultWorkflowSettings) };
  expect(silverOf(restarted)).toBe(1000);
  const live = await startLiveSettings(restarted, pino({ level: 'silent' }));
  await live.stop();
  expect(silverOf(restarted)).toBe(1350);
});
