import pino from 'pino';
import { startLiveSettings } from '../../app/settings/liveSettings';
import { defaultWorkflowSettings, loadWorkflowConfig } from '../../app/data/workflowConfig';
import { PriceListSettings, Saved, TermCalendarSettings, settingsRoutes } from '../../tab/contract/settings';
import type { WorkflowDeps } from '../../workflow';
import { calendarForSchool } from '../../workflow/usecases/support/calendarFor';
import { value } from '../support/world';
import { startSettingsTab, type SettingsTab } from './settingsHarness';

jest.setTimeout(30_000);

const silent = pino({ level: 'silent' });
const silverOf = (deps: Pick<WorkflowDeps, 'config'>) => deps.config.priceLists.find((l) => l.financialYear === '2026-27')?.items.find((i) => i.code === 'silver')?.price;
const autumnEndOf = (deps: Pick<WorkflowDeps, 'config'>) =>
  deps.config.termCalendars.find((c) => c.id === 'northvale-la')?.halfTerms.find((h) => h.academicYear === '2026-27' && h.term === 'autumn' && h.half === 1)?.end;

async function changeSilver(tab: SettingsTab, price: number): Promise<Saved> {
  const list = PriceListSettings.parse((await tab.read(settingsRoutes.priceLists, 'admin')).body).priceLists.find((l) => l.financialYear === '2026-27');
  if (!list) throw new Error('no 2026-27 list');
  const { financialYear: _year, ...change } = list;
  const res = await tab.change(settingsRoutes.priceList('2026-27'), { ...change, items: list.items.map((i) => (i.code === 'silver' ? { ...i, price } : i)) }, 'admin');
  expect(res.status).toBe(200);
  return Saved.parse(res.body);
}

async function changeAutumnEnd(tab: SettingsTab, end: string): Promise<void> {
  const calendar = TermCalendarSettings.parse((await tab.read(settingsRoutes.termCalendars, 'admin')).body).calendars.find((c) => c.id === 'northvale-la');
  if (!calendar) throw new Error('no northvale-la');
  const { id: _id, schools: _schools, ...change } = calendar;
  const halfTerms = calendar.halfTerms.map((h) => (h.academicYear === '2026-27' && h.term === 'autumn' && h.half === 1 ? { ...h, end } : h));
  expect((await tab.change(settingsRoutes.termCalendar('northvale-la'), { ...change, halfTerms }, 'admin')).status).toBe(200);
}

/** Another instance (or this one after a restart): the same stores, the configuration loaded afresh from the shipped files. */
const anotherInstance = (tab: SettingsTab): WorkflowDeps => ({ ...tab.world.deps, config: loadWorkflowConfig(defaultWorkflowSettings) });

describe('settings survive a restart and reach other instances', () => {
  let tab: SettingsTab;
  beforeAll(async () => {
    tab = await startSettingsTab();
  });

  it('a changed price, term date and team channel are read back at start', async () => {
    await changeSilver(tab, 1111);
    await changeAutumnEnd(tab, '2026-10-16');
    const channel = await tab.read(settingsRoutes.teamChannel, 'admin');
    expect((await tab.change(settingsRoutes.teamChannel, { channelId: '19:restart0001@thread.tacv2', etag: channel.body.etag as string }, 'admin')).status).toBe(200);

    const restarted = anotherInstance(tab);
    expect([silverOf(restarted), autumnEndOf(restarted), restarted.config.teamChannelId]).toEqual([1000, '2026-10-23', undefined]);
    const live = await startLiveSettings(restarted, silent);
    try {
      expect([silverOf(restarted), autumnEndOf(restarted), restarted.config.teamChannelId]).toEqual([1111, '2026-10-16', '19:restart0001@thread.tacv2']);
      const school = await tab.world.schoolByUrn('100001');
      expect(value(calendarForSchool(restarted, school)).halfTermContaining('2026-09-18')?.end).toBe('2026-10-16');
    } finally {
      await live.stop();
    }
  });

  it("another instance picks up a change at its next refresh; a refresh that finds nothing new keeps the same objects (calendars stay worked out)", async () => {
    const other = anotherInstance(tab);
    const live = await startLiveSettings(other, silent, 60_000);
    try {
      const calendarBefore = other.config.termCalendars.find((c) => c.id === 'northvale-la');
      const nothingNew = await live.refresh();
      expect(nothingNew.changed).toEqual([]);
      expect(other.config.termCalendars.find((c) => c.id === 'northvale-la')).toBe(calendarBefore);
      await changeSilver(tab, 1222);
      expect(silverOf(tab.world.deps)).toBe(1222);
      expect(silverOf(other)).toBe(1111);
      expect((await live.refresh()).changed).toEqual(['price-list:2026-27']);
      expect(silverOf(other)).toBe(1222);
      expect(other.config.termCalendars.find((c) => c.id === 'northvale-la')).toBe(calendarBefore);
    } finally {
      await live.stop();
    }
  });

  it('a stored setting changed by hand into something the schemas refuse is left out: the file (or the last good value) is used', async () => {
    const [stored] = await tab.world.deps.stores.settings.find({ key: 'price-list:2025-26' });
    expect(stored).toBeUndefined();
    await tab.world.deps.stores.settings.create({ key: 'price-list:2025-26', value: '{"financialYear":"2025-26","items":[]}', changedBy: 'someone', changedAt: '2026-09-18T09:00:00.000Z' }, 'by-hand-1');
    const other = anotherInstance(tab);
    const live = await startLiveSettings(other, silent, 60_000);
    try {
      expect((await live.refresh()).refused).toEqual(['price-list:2025-26']);
      expect(other.config.priceLists.find((l) => l.financialYear === '2025-26')?.items.length).toBeGreaterThan(0);
    } finally {
      await live.stop();
    }
  });
});
