import type { PriceListSetting, SchoolSetting, StaffMember, TermCalendarSetting } from '../../../../contract/settings';
import { ApiFailure } from '../../api';
import { channelIdFrom, teamChannelChange } from './channelForm';
import { defaultYear, financialYearOf } from './financialYear';
import { readNumber } from './numbers';
import { priceFormOf, priceListChange, withItem } from './priceForm';
import { blankPurchaseForm, newPurchase, newRequestKey, packageChoices } from './purchaseForm';
import { conflictMessage, failedOutcome } from './saveOutcome';
import { schoolChange, schoolFormOf } from './schoolForm';
import { sectionHref, toSection } from './sections';
import { blankStaffForm, newStaffMember, staffChange, staffFormOf, withRole } from './staffForm';
import { termCalendarChange, termFormOf, withHalfTermDate } from './termForm';

describe('the settings sections', () => {
  it('route as #/settings/<section>; an unknown one shows Staff', () => {
    expect(sectionHref('prices')).toBe('#/settings/prices');
    expect(toSection('terms')).toBe('terms');
    expect(toSection('nonsense')).toBe('staff');
  });
});

describe('a save that fails', () => {
  it('409: someone changed it; 400: the server\'s own words; else the failure', () => {
    expect(failedOutcome(new ApiFailure(409, 'The price list was changed by someone else', 'ConcurrentChange'))).toEqual({ kind: 'conflict', message: conflictMessage });
    expect(failedOutcome(new ApiFailure(409, 'etag mismatch'))).toEqual({ kind: 'conflict', message: conflictMessage });
    expect(failedOutcome(new ApiFailure(409, 'That Microsoft 365 user is already on the Staff list.', 'InvalidState'))).toEqual({ kind: 'invalid', message: 'That Microsoft 365 user is already on the Staff list.' });
    expect(failedOutcome(new ApiFailure(400, 'price: must be 0 or more'))).toEqual({ kind: 'invalid', message: 'price: must be 0 or more' });
    expect(failedOutcome(new ApiFailure(403, 'Only an administrator can change settings.'))).toEqual({ kind: 'failed', message: 'Only an administrator can change settings.' });
    expect(failedOutcome(new TypeError('Failed to fetch')).kind).toBe('failed');
  });
});

describe('numbers typed', () => {
  it('reads digits, a pound sign and grouping; names the field otherwise', () => {
    expect(readNumber(' 12.5 ', 'Hours')).toEqual({ ok: true, value: 12.5 });
    expect(readNumber('£1,250', 'Price')).toEqual({ ok: true, value: 1250 });
    expect(readNumber('', 'Hours')).toEqual({ ok: false, message: 'Hours: enter a number.' });
    expect(readNumber('-3', 'Hours').ok).toBe(false);
    expect(readNumber('ten', 'Hours')).toMatchObject({ ok: false, message: expect.stringContaining('Hours: "ten" is not a number') });
    expect(readNumber('61', 'Capacity', { max: 60 })).toEqual({ ok: false, message: 'Capacity: at most 60.' });
    expect(readNumber('1.5', 'Count', { whole: true }).ok).toBe(false);
  });
});

describe('financial years', () => {
  it('turn on 1 April; the current one is shown first when listed, else the latest', () => {
    expect(financialYearOf(new Date(2026, 2, 31))).toBe('2025-26');
    expect(financialYearOf(new Date(2026, 3, 1))).toBe('2026-27');
    expect(financialYearOf(new Date(2099, 11, 3))).toBe('2099-00');
    expect(defaultYear(['2025-26', '2026-27'], new Date(2026, 11, 3))).toBe('2026-27');
    expect(defaultYear(['2024-25', '2025-26'], new Date(2026, 11, 3))).toBe('2025-26');
    expect(defaultYear([], new Date())).toBeUndefined();
  });
});

const member: StaffMember = { id: 's1', userId: '00000000-0000-4000-8000-000000000004', displayName: 'Harriet Lunde', email: 'harriet.lunde@outreach.example.org', roles: ['worker'], active: true, capacityHours: 30, etag: 'e1' };

describe('the staff dialog', () => {
  it('sends what was read back unchanged, with the etag it read', () => {
    expect(staffChange(staffFormOf(member), 'e1')).toEqual({ ok: true, value: { displayName: member.displayName, email: member.email, roles: ['worker'], active: true, capacityHours: 30, etag: 'e1' } });
  });

  it('keeps roles in the listed order; needs one; capacity a number', () => {
    expect(withRole(['worker'], 'manager', true)).toEqual(['worker', 'manager']);
    expect(withRole(['dsl', 'worker'], 'admin', true)).toEqual(['worker', 'admin', 'dsl']);
    expect(withRole(['worker', 'dsl'], 'worker', false)).toEqual(['dsl']);
    const form = staffFormOf(member);
    expect(staffChange({ ...form, roles: [] }, 'e1')).toEqual({ ok: false, message: 'Roles: tick at least one.' });
    expect(staffChange({ ...form, capacityHours: 'lots' }, 'e1').ok).toBe(false);
    expect(staffChange({ ...form, email: 'harriet' }, 'e1').ok).toBe(false);
  });

  it('a new member needs an Entra object id; trims what was typed', () => {
    const form = { ...blankStaffForm, displayName: ' Nia Quell ', email: 'nia.quell@outreach.example.org', capacityHours: '22.5' };
    expect(newStaffMember(form)).toMatchObject({ ok: false, message: expect.stringContaining('Entra object id') });
    expect(newStaffMember({ ...form, userId: ' 00000000-0000-4000-8000-0000000000aa ' })).toEqual({
      ok: true,
      value: { userId: '00000000-0000-4000-8000-0000000000aa', displayName: 'Nia Quell', email: 'nia.quell@outreach.example.org', roles: ['worker'], capacityHours: 22.5 },
    });
  });
});

const contact = (name: string) => ({ name, email: `${name.toLowerCase()}@school.example.org` });
const school: SchoolSetting = {
  id: 'sc1',
  etag: 'e2',
  name: 'Alderbrook Primary School',
  urn: '100001',
  type: 'maintained',
  phase: 'primary',
  localAuthority: 'Northvale Council',
  headteacher: { ...contact('Head'), phone: '01632 960001' },
  senco: contact('Senco'),
  finance: contact('Finance'),
  universalOfferYears: ['2026-27'],
};

describe('the school dialog', () => {
  it('the authority default: no termCalendarId; a named calendar: its id; phone only when given', () => {
    const change = schoolChange(schoolFormOf(school), 'e2');
    expect(change).toEqual({ ok: true, value: { name: school.name, urn: '100001', type: 'maintained', phase: 'primary', localAuthority: 'Northvale Council', headteacher: school.headteacher, senco: school.senco, finance: school.finance, etag: 'e2' } });
    const named = schoolChange({ ...schoolFormOf(school), termCalendarId: 'brookfield-trust' }, 'e2');
    expect(named.ok && named.value.termCalendarId).toBe('brookfield-trust');
  });

  it('names the contact that is missing, and a URN that is not one', () => {
    const form = schoolFormOf(school);
    expect(schoolChange({ ...form, senco: { name: 'Sam', email: '', phone: '' } }, 'e2')).toMatchObject({ ok: false, message: expect.stringMatching(/^SENCo: /) });
    expect(schoolChange({ ...form, urn: '12' }, 'e2')).toMatchObject({ ok: false, message: expect.stringMatching(/^URN: /) });
  });
});

const priceList: PriceListSetting = {
  financialYear: '2026-27',
  consultancyRatePerHour: 100,
  travelCountsTowardHours: false,
  etag: 'file',
  items: [
    { code: 'bronze', name: 'Bronze Package', kind: 'package', hours: 7, price: 650, runsAlongside: false },
    { code: 'silver', name: 'Silver Package', kind: 'package', hours: 13, price: 1000, runsAlongside: false },
    { code: 'universal-support-offer', name: 'Universal Support Offer', kind: 'universal-offer', hours: 0, price: 550, drawsFor: [] },
  ],
};

describe('the price list form', () => {
  it('changes Silver\'s price only, keeping every other field and sending the etag read', () => {
    const form = withItem(priceFormOf(priceList), 'silver', 'price', '1050');
    const change = priceListChange(priceList, form);
    expect(change).toEqual({ ok: true, value: { consultancyRatePerHour: 100, travelCountsTowardHours: false, etag: 'file', items: [priceList.items[0], { ...priceList.items[1], price: 1050 }, priceList.items[2]] } });
  });

  it('names the item whose price is not a number', () => {
    const form = withItem(priceFormOf(priceList), 'bronze', 'hours', '');
    expect(priceListChange(priceList, form)).toEqual({ ok: false, message: 'Bronze Package: hours: enter a number.' });
  });
});

describe('the purchase form', () => {
  it('keeps its request key for every try; a new form has a new one', () => {
    const form = { ...blankPurchaseForm('2026-12-03'), schoolId: 'sc1', packageCode: 'silver' };
    const first = newPurchase(form, '2026-27');
    const again = newPurchase(form, '2026-27');
    expect(first.ok && again.ok && first.value.requestKey === again.value.requestKey).toBe(true);
    expect(first.ok && first.value.requestKey.length).toBeGreaterThanOrEqual(8);
    expect(blankPurchaseForm('2026-12-03').requestKey).not.toBe(form.requestKey);
    expect(first).toEqual({ ok: true, value: { schoolId: 'sc1', packageCode: 'silver', financialYear: '2026-27', purchasedOn: '2026-12-03', requestKey: form.requestKey } });
    expect(newPurchase({ ...form, purchaseOrderNumber: ' PO-1 ' }, '2026-27')).toMatchObject({ ok: true, value: { purchaseOrderNumber: 'PO-1' } });
  });

  it('makes a key without randomUUID too', () => {
    const key = newRequestKey({ getRandomValues: <T extends ArrayBufferView | null>(a: T) => a });
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('asks for a school and a package; lists the offer first, with hours and price', () => {
    expect(newPurchase(blankPurchaseForm('2026-12-03'), '2026-27')).toMatchObject({ ok: false, message: expect.stringMatching(/^School/) });
    expect(packageChoices(priceList).map((c) => c.label)).toEqual(['Universal Support Offer (£550)', 'Bronze Package (7 h, £650)', 'Silver Package (13 h, £1,000)']);
    expect(packageChoices(undefined)).toEqual([]);
  });
});

const calendar: TermCalendarSetting = {
  id: 'northvale-la',
  name: 'Northvale Council',
  schools: 4,
  etag: 'e3',
  closures: ['2027-01-04', '2026-01-05'],
  halfTerms: [
    { academicYear: '2026-27', term: 'autumn', half: 1, start: '2026-09-03', end: '2026-10-23' },
    { academicYear: '2026-27', term: 'autumn', half: 2, start: '2026-11-02', end: '2026-12-18' },
  ],
};

describe('the term calendar form', () => {
  it('moves a half-term\'s last day; closures sorted and without repeats', () => {
    const form = withHalfTermDate(termFormOf(calendar), 0, 'end', '2026-10-22');
    const change = termCalendarChange({ ...form, closures: [...form.closures, '2026-01-05', ''] }, 'e3');
    expect(change).toMatchObject({ ok: true, value: { name: 'Northvale Council', closures: ['2026-01-05', '2027-01-04'], etag: 'e3' } });
    expect(change.ok && change.value.halfTerms[0]?.end).toBe('2026-10-22');
  });

  it('refuses an end before its start, an overlap, and a day that does not exist', () => {
    const form = termFormOf(calendar);
    expect(termCalendarChange(withHalfTermDate(form, 0, 'end', '2026-09-01'), 'e3')).toMatchObject({ ok: false, message: expect.stringContaining('2026-27 Autumn 1: the last day') });
    expect(termCalendarChange(withHalfTermDate(form, 1, 'start', '2026-10-20'), 'e3')).toMatchObject({ ok: false, message: expect.stringContaining('starts (2026-10-20) before 2026-27 Autumn 1 ends') });
    expect(termCalendarChange(withHalfTermDate(form, 1, 'end', '2026-02-30'), 'e3').ok).toBe(false);
    expect(termCalendarChange(withHalfTermDate(form, 1, 'end', ''), 'e3').ok).toBe(false);
  });
});

describe('the team channel', () => {
  it('takes an id, or the id inside a pasted channel link; empty: no channel', () => {
    const id = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';
    expect(teamChannelChange(` ${id} `, 'e4')).toEqual({ ok: true, value: { channelId: id, etag: 'e4' } });
    const link = 'https://teams.microsoft.com/l/channel/19%3a4a95f7d8db4c4e7fae857bcebe0623e6%40thread.tacv2/Referrals?groupId=g&tenantId=t';
    expect(channelIdFrom(link)).toBe(id);
    expect(teamChannelChange('', 'e4')).toEqual({ ok: true, value: { etag: 'e4' } });
    expect(teamChannelChange('general', 'e4')).toMatchObject({ ok: false, message: expect.stringContaining('starts with 19:') });
  });
});
