import {
  PriceListSettings,
  PurchaseSettings,
  Saved,
  SchoolSettings,
  StaffSettings,
  TeamChannelSetting,
  TermCalendarSettings,
  settingsRoutes,
  type PriceListSetting,
  type TermCalendarSetting,
} from '../../tab/contract/settings';
import { calendarForSchool } from '../../workflow/usecases/support/calendarFor';
import { people, value } from '../support/world';
import { startSettingsTab, type SettingsTab } from './settingsHarness';

jest.setTimeout(30_000);

const priceLists = async (tab: SettingsTab) => PriceListSettings.parse((await tab.read(settingsRoutes.priceLists, 'admin')).body);
const calendars = async (tab: SettingsTab) => TermCalendarSettings.parse((await tab.read(settingsRoutes.termCalendars, 'admin')).body);
const yearList = async (tab: SettingsTab, year: string): Promise<PriceListSetting> => {
  const found = (await priceLists(tab)).priceLists.find((l) => l.financialYear === year);
  if (!found) throw new Error(`no price list for ${year}`);
  return found;
};
const withPrice = (list: PriceListSetting, code: string, price: number) => {
  const { financialYear: _year, ...change } = list;
  return { ...change, items: list.items.map((i) => (i.code === code ? { ...i, price } : i)) };
};
const northvale = async (tab: SettingsTab): Promise<TermCalendarSetting> => {
  const found = (await calendars(tab)).calendars.find((c) => c.id === 'northvale-la');
  if (!found) throw new Error('no northvale-la calendar');
  return found;
};
const withAutumnEnd = (calendar: TermCalendarSetting, end: string) => {
  const { id: _id, schools: _schools, ...change } = calendar;
  return { ...change, halfTerms: calendar.halfTerms.map((h) => (h.academicYear === '2026-27' && h.term === 'autumn' && h.half === 1 ? { ...h, end } : h)) };
};

describe('settings API: who may read and change', () => {
  let tab: SettingsTab;
  beforeAll(async () => {
    tab = await startSettingsTab();
  });

  const reads = [settingsRoutes.staff, settingsRoutes.schools, settingsRoutes.purchases, settingsRoutes.priceLists, settingsRoutes.termCalendars, settingsRoutes.teamChannel];

  it.each(['worker', 'dsl'] as const)('a %s is refused every settings page (403, in words), with no-store', async (who) => {
    for (const url of reads) {
      const res = await tab.read(url, who);
      expect([url, res.status]).toEqual([url, 403]);
      expect(res.body.error).toBe('Only manager or admin staff can see the settings.');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('a manager reads every page with canEdit false; an admin with canEdit true; every answer no-store', async () => {
    for (const url of reads) {
      const manager = await tab.read(url, 'manager');
      expect([url, manager.status, manager.body.canEdit]).toEqual([url, 200, false]);
      expect(manager.headers['cache-control']).toBe('no-store');
      const admin = await tab.read(url, 'admin');
      expect([url, admin.status, admin.body.canEdit]).toEqual([url, 200, true]);
    }
    StaffSettings.parse((await tab.read(settingsRoutes.staff, 'manager')).body);
    const schools = SchoolSettings.parse((await tab.read(settingsRoutes.schools, 'manager')).body);
    expect(schools.defaultTermCalendarId).toBe('northvale-la');
    expect(schools.schools.find((s) => s.urn === '100001')?.universalOfferYears).toEqual(['2026-27']);
    const purchases = PurchaseSettings.parse((await tab.read(`${settingsRoutes.purchases}?year=2026-27`, 'manager')).body);
    expect(purchases.purchases.map((p) => p.packageName)).toContain('Silver Package');
    const lists = PriceListSettings.parse((await tab.read(settingsRoutes.priceLists, 'manager')).body);
    expect(lists.priceLists.map((l) => [l.financialYear, l.etag])).toEqual([['2025-26', 'file'], ['2026-27', 'file']]);
    const terms = TermCalendarSettings.parse((await tab.read(settingsRoutes.termCalendars, 'manager')).body);
    expect(terms.calendars.find((c) => c.id === 'brookfield-trust')?.schools).toBe(2);
    TeamChannelSetting.parse((await tab.read(settingsRoutes.teamChannel, 'manager')).body);
  });

  it('a manager is refused every change (403, in words) and nothing changes', async () => {
    const list = await yearList(tab, '2026-27');
    const refused = await tab.change(settingsRoutes.priceList('2026-27'), withPrice(list, 'silver', 1), 'manager');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('Only admin staff can change the price lists.');
    expect((await tab.change(settingsRoutes.teamChannel, { channelId: '', etag: 'file' }, 'manager')).status).toBe(403);
    expect((await tab.create(settingsRoutes.staff, { userId: '11111111-1111-4111-8111-111111111111', displayName: 'Odile Hartsmere', email: 'odile@outreach.example.org', roles: ['worker'], capacityHours: 20 }, 'manager')).status).toBe(403);
    expect(tab.world.deps.config.priceLists.find((l) => l.financialYear === '2026-27')?.items.find((i) => i.code === 'silver')?.price).toBe(1000);
  });

  it('400 naming the field: a negative price, a half-term ending before it starts, staff without a role, a channel id that is not one, a bad URN', async () => {
    const list = await yearList(tab, '2026-27');
    const price = await tab.change(settingsRoutes.priceList('2026-27'), withPrice(list, 'silver', -5), 'admin');
    expect(price.status).toBe(400);
    expect(price.body.error).toBe('items.2.price: must not be negative');
    const calendar = await northvale(tab);
    const dates = await tab.change(settingsRoutes.termCalendar('northvale-la'), withAutumnEnd(calendar, '2026-09-01'), 'admin');
    expect(dates.status).toBe(400);
    expect(dates.body.error).toMatch(/^halfTerms\.\d+\.end: a half-term cannot end \(2026-09-01\) before it starts/);
    const staff = StaffSettings.parse((await tab.read(settingsRoutes.staff, 'admin')).body).staff.find((s) => s.userId === people.worker);
    if (!staff) throw new Error('no worker');
    const { id: _id, userId: _userId, ...fields } = staff;
    const noRole = await tab.change(settingsRoutes.staffMember(staff.id), { ...fields, roles: [] }, 'admin');
    expect(noRole.status).toBe(400);
    expect(noRole.body.error).toBe('roles: a member of staff needs at least one role');
    const channel = await tab.change(settingsRoutes.teamChannel, { channelId: 'general', etag: 'file' }, 'admin');
    expect(channel.status).toBe(400);
    expect(channel.body.error).toMatch(/^channelId: must be a Teams channel id like 19:/);
    const school = SchoolSettings.parse((await tab.read(settingsRoutes.schools, 'admin')).body).schools[0];
    if (!school) throw new Error('no school');
    const { id: schoolId, universalOfferYears: _years, ...schoolFields } = school;
    const urn = await tab.change(settingsRoutes.school(schoolId), { ...schoolFields, urn: '12' }, 'admin');
    expect(urn.status).toBe(400);
    expect(urn.body.error).toBe('urn: a URN has six digits');
    const unknownCalendar = await tab.change(settingsRoutes.school(schoolId), { ...schoolFields, termCalendarId: 'nowhere' }, 'admin');
    expect(unknownCalendar.status).toBe(400);
    expect(unknownCalendar.body.error).toMatch(/termCalendarId: there is no term calendar "nowhere"/);
  });
});

describe('settings API: changes are used at once', () => {
  let tab: SettingsTab;
  beforeAll(async () => {
    tab = await startSettingsTab();
  });

  it("after the admin changes Silver's 2026-27 price, the next Silver bought is at the new price; purchases already made keep theirs", async () => {
    const list = await yearList(tab, '2026-27');
    const res = await tab.change(settingsRoutes.priceList('2026-27'), withPrice(list, 'silver', 1234.5), 'admin');
    expect(res.status).toBe(200);
    const saved = Saved.parse(res.body);
    expect(saved.etag).not.toBe('file');
    expect(saved.message).toMatch(/^The 2026-27 price list is saved and used from now on\. \d+ purchases already recorded for 2026-27 keep the prices they were bought at\.$/);
    const school = await tab.world.schoolByUrn('100002');
    const bought = await tab.create(settingsRoutes.purchases, { schoolId: school.id, packageCode: 'silver', financialYear: '2026-27', purchasedOn: '2026-09-18', requestKey: 'silver-at-new-price' }, 'admin');
    expect(bought.status).toBe(201);
    expect(Saved.parse(bought.body).message).toBe('Silver Package recorded for 2026-27: 13 hours at £1234.50.');
    const year = PurchaseSettings.parse((await tab.read(`${settingsRoutes.purchases}?year=2026-27`, 'admin')).body);
    const silver = year.purchases.filter((p) => p.packageCode === 'silver');
    expect(silver.length).toBeGreaterThan(1);
    expect(silver.slice(0, -1).map((p) => p.price)).toEqual(silver.slice(0, -1).map(() => 1000));
    expect(silver.at(-1)).toMatchObject({ schoolName: school.name, price: 1234.5, hours: 13, purchasedOn: '2026-09-18' });
    expect((await yearList(tab, '2026-27')).etag).toBe(saved.etag);
    expect(tab.world.memory.audit.all().filter((e) => e.action === 'settings.price-list.changed')).toEqual([
      expect.objectContaining({ actorId: people.admin, detail: { key: 'price-list:2026-27', financialYear: '2026-27' } }),
    ]);
  });

  it('a purchase sent twice with the same request key is recorded once', async () => {
    const school = await tab.world.schoolByUrn('100002');
    const body = { schoolId: school.id, packageCode: 'parent-support', financialYear: '2026-27', purchasedOn: '2026-09-18', requestKey: 'parent-support-once' };
    expect((await tab.create(settingsRoutes.purchases, body, 'admin')).status).toBe(201);
    const again = await tab.create(settingsRoutes.purchases, body, 'admin');
    expect(again.status).toBe(200);
    expect(Saved.parse(again.body).message).toBe('That purchase was already recorded.');
    expect((await tab.world.deps.stores.purchases.find({ schoolId: school.id, financialYear: '2026-27' })).filter((p) => p.packageCode === 'parent-support')).toHaveLength(1);
    const wrongYear = await tab.create(settingsRoutes.purchases, { ...body, financialYear: '2025-26', requestKey: 'parent-support-wrong-year' }, 'admin');
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.error).toBe('purchasedOn: 2026-09-18 is in financial year 2026-27, not 2025-26.');
  });

  it("after the admin moves autumn 1's end, the calendar the workflow uses for the school gives the new date; a trust's school keeps its own", async () => {
    const alderbrook = await tab.world.schoolByUrn('100001'); // the authority's default calendar
    const trustSchool = await tab.world.schoolByUrn('100003'); // brookfield-trust
    const before = value(calendarForSchool(tab.world.deps, alderbrook)).halfTermContaining('2026-09-18');
    expect(before?.end).toBe('2026-10-23');
    const trustBefore = value(calendarForSchool(tab.world.deps, trustSchool)).halfTermContaining('2026-09-18')?.end;
    const res = await tab.change(settingsRoutes.termCalendar('northvale-la'), withAutumnEnd(await northvale(tab), '2026-10-16'), 'admin');
    expect(res.status).toBe(200);
    expect(Saved.parse(res.body).message).toBe('The term dates of Northvale Council are saved and used from now on.');
    const calendar = value(calendarForSchool(tab.world.deps, alderbrook));
    expect(calendar.halfTermContaining('2026-09-18')?.end).toBe('2026-10-16');
    expect(value(calendar.isSchoolDay('2026-10-19'))).toBe(false);
    expect(value(calendarForSchool(tab.world.deps, trustSchool)).halfTermContaining('2026-09-18')?.end).toBe(trustBefore);
    expect((await northvale(tab)).etag).toBe(Saved.parse(res.body).etag);
  });

  it('the team channel: set, read back, and used by the channel port at once; empty turns posting off', async () => {
    const first = await tab.read(settingsRoutes.teamChannel, 'admin');
    const channelId = '19:a1b2c3d4e5@thread.tacv2';
    const set = await tab.change(settingsRoutes.teamChannel, { channelId, etag: TeamChannelSetting.parse(first.body).etag }, 'admin');
    expect(set.status).toBe(200);
    expect(tab.world.deps.config.teamChannelId).toBe(channelId);
    const read = TeamChannelSetting.parse((await tab.read(settingsRoutes.teamChannel, 'manager')).body);
    expect(read).toEqual({ canEdit: false, channelId, etag: Saved.parse(set.body).etag });
    const off = await tab.change(settingsRoutes.teamChannel, { channelId: '', etag: read.etag }, 'admin');
    expect(off.status).toBe(200);
    expect(Saved.parse(off.body).message).toBe('No team channel now: nothing is posted to a channel.');
    expect(tab.world.deps.config.teamChannelId).toBeUndefined();
  });
});

describe('settings API: two admins at once, and the rules of staff and schools', () => {
  let tab: SettingsTab;
  const secondAdmin = '22222222-2222-4222-8222-222222222222';
  beforeAll(async () => {
    tab = await startSettingsTab();
    const added = await tab.create(settingsRoutes.staff, { userId: secondAdmin, displayName: 'Ines Marchbank', email: 'ines.marchbank@outreach.example.org', roles: ['admin'], capacityHours: 0 }, 'admin');
    expect(added.status).toBe(201);
  });

  it('a staff member added is signed in at once; the same user again is refused (409)', async () => {
    expect((await tab.read(settingsRoutes.staff, secondAdmin)).status).toBe(200);
    const again = await tab.create(settingsRoutes.staff, { userId: secondAdmin, displayName: 'Ines Marchbank', email: 'ines.marchbank@outreach.example.org', roles: ['worker'], capacityHours: 10 }, 'admin');
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('That Microsoft 365 user is already on the Staff list.');
  });

  it('both admins open the 2026-27 price list; the second to save is refused (409) and told to reload; neither change is lost silently', async () => {
    const seenByFirst = await yearList(tab, '2026-27');
    const seenBySecond = await yearList(tab, '2026-27');
    expect((await tab.change(settingsRoutes.priceList('2026-27'), withPrice(seenByFirst, 'bronze', 700), 'admin')).status).toBe(200);
    const stale = await tab.change(settingsRoutes.priceList('2026-27'), withPrice(seenBySecond, 'bronze', 720), secondAdmin);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('The 2026-27 price list was changed by someone else since you opened it: reload to see their change, then make yours again.');
    const reloaded = await yearList(tab, '2026-27');
    expect(reloaded.items.find((i) => i.code === 'bronze')?.price).toBe(700);
    expect((await tab.change(settingsRoutes.priceList('2026-27'), withPrice(reloaded, 'bronze', 720), secondAdmin)).status).toBe(200);
    // A third change from the first admin's old page: stale again.
    expect((await tab.change(settingsRoutes.priceList('2026-27'), withPrice(reloaded, 'bronze', 740), 'admin')).status).toBe(409);
  });

  it('two admins changing the same school: the second is refused (409)', async () => {
    const school = SchoolSettings.parse((await tab.read(settingsRoutes.schools, 'admin')).body).schools.find((s) => s.urn === '100004');
    if (!school) throw new Error('no school 100004');
    const { id, universalOfferYears: _years, ...fields } = school;
    expect((await tab.change(settingsRoutes.school(id), { ...fields, termCalendarId: 'brookfield-trust' }, 'admin')).status).toBe(200);
    const stale = await tab.change(settingsRoutes.school(id), { ...fields, localAuthority: 'Elsewhere' }, secondAdmin);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/changed by someone else since you opened it: reload/);
    expect((await tab.world.deps.stores.schools.get(id))?.termCalendarId).toBe('brookfield-trust');
  });

  it("a school's URN is its own: adding or changing to a URN already used is refused (409) with the URN named", async () => {
    const schools = SchoolSettings.parse((await tab.read(settingsRoutes.schools, 'admin')).body).schools;
    const [first, second] = schools;
    if (!first || !second) throw new Error('two schools needed');
    const { id: _id, etag: _etag, universalOfferYears: _years, ...fields } = first;
    const added = await tab.create(settingsRoutes.schools, { ...fields, name: 'Copy School' }, 'admin');
    expect(added.status).toBe(409);
    expect(added.body.error).toBe(`Another school on the Schools list has URN ${first.urn}: a URN belongs to one school.`);
    const { id: secondId, universalOfferYears: _y, ...secondFields } = second;
    const changed = await tab.change(settingsRoutes.school(secondId), { ...secondFields, urn: first.urn }, 'admin');
    expect(changed.status).toBe(409);
    expect(changed.body.error).toBe(`Another school on the Schools list has URN ${first.urn}: a URN belongs to one school.`);
    const fresh = await tab.create(settingsRoutes.schools, { ...fields, name: 'Hollowmere Academy', urn: '109999' }, 'admin');
    expect(fresh.status).toBe(201);
    expect(Saved.parse(fresh.body).message).toBe('Hollowmere Academy is on the Schools list.');
  });

  it('an admin cannot take away their own admin role or make themselves inactive; another admin can', async () => {
    const staff = StaffSettings.parse((await tab.read(settingsRoutes.staff, 'admin')).body).staff;
    const me = staff.find((s) => s.userId === people.admin);
    if (!me) throw new Error('no admin');
    const { id, userId: _userId, ...fields } = me;
    const demote = await tab.change(settingsRoutes.staffMember(id), { ...fields, roles: ['worker'] }, 'admin');
    expect(demote.status).toBe(409);
    expect(demote.body.error).toBe('You cannot take away your own admin role: the service must keep an admin. Another admin can.');
    const leave = await tab.change(settingsRoutes.staffMember(id), { ...fields, active: false }, 'admin');
    expect(leave.status).toBe(409);
    expect(leave.body.error).toBe('You cannot make yourself inactive: the service must keep an admin. Another admin can.');
    const byOther = await tab.change(settingsRoutes.staffMember(id), { ...fields, roles: ['admin', 'worker'], capacityHours: 12 }, secondAdmin);
    expect(byOther.status).toBe(200);
    expect(tab.world.memory.audit.all().filter((e) => e.action === 'settings.staff.changed').map((e) => e.detail.change)).toEqual(['added', 'changed']);
  });
});
