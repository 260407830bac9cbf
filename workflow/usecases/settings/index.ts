export { applyStoredSettings, type Applied, type LiveConfig } from './applySettings';
export { FILE_ETAG, settingKeys } from './settingKeys';
export { TeamChannelId } from './settingValues';
export { listPriceLists, replacePriceList, type PriceListsView, type Saved } from './priceLists';
export { listTermCalendars, replaceTermCalendar, type TermCalendarsView } from './termCalendars';
export { getTeamChannel, setTeamChannel, type TeamChannelView } from './teamChannel';
export { listStaffSettings, addStaffMember, changeStaffMember } from './staffSettings';
export { listSchoolSettings, addSchool, changeSchool, type SchoolsView } from './schoolSettings';
export { listPurchaseSettings, recordPurchaseSetting, type PurchaseRow, type PurchasesView } from './purchaseSettings';
