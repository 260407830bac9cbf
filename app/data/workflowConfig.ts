import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBankHolidays, parseTermCalendars } from '../../workflow/calendar';
import { parsePriceLists } from '../../workflow/packages';
import { defaultBookingPolicy, type BookingSettings, type WorkflowConfig } from '../../workflow';

export const dataRoot = path.resolve(__dirname, '..', '..', 'data');

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(dataRoot, file), 'utf8'));

/**
 * The process's configuration data (price lists, term dates, bank holidays), validated by the
 * workflow's schemas at load: bad data stops start-up with the file and field named.
 */
export function loadWorkflowConfig(settings: { serviceName: string; serviceEmail: string; evaluationFormUrl?: string; folderNamePattern: string; defaultTermCalendarId: string; booking?: BookingSettings; teamChannelId?: string }): WorkflowConfig {
  const priceLists = parsePriceLists(readJson('config/price-lists.json'));
  if (!priceLists.ok) throw new Error(`data/config/price-lists.json: ${priceLists.error.message}`);
  const termCalendars = parseTermCalendars(readJson('config/term-dates.json'));
  if (!termCalendars.ok) throw new Error(`data/config/term-dates.json: ${termCalendars.error.message}`);
  const bankHolidays = parseBankHolidays(readJson('config/bank-holidays.json'));
  if (!bankHolidays.ok) throw new Error(`data/config/bank-holidays.json: ${bankHolidays.error.message}`);
  if (!termCalendars.value.some((c) => c.id === settings.defaultTermCalendarId)) {
    throw new Error(`The default term calendar "${settings.defaultTermCalendarId}" is not in data/config/term-dates.json.`);
  }
  return {
    priceLists: priceLists.value,
    termCalendars: termCalendars.value,
    bankHolidays: bankHolidays.value,
    booking: { policy: defaultBookingPolicy, mode: 'propose' },
    ...settings,
  };
}

export const defaultWorkflowSettings = {
  serviceName: 'Outreach Service',
  serviceEmail: 'outreach@outreach.example.org',
  folderNamePattern: '{childReference} {lastName}',
  defaultTermCalendarId: 'northvale-la',
};
