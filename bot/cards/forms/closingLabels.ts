import { destinationLabels, type Destination, type EarlyCloseReason } from '../../../workflow';

/** Where the pupil goes when support ends (the reporting's destinations). */
export const destinationTitles: Record<Destination, string> = destinationLabels;

/** Why a case closed early, as the school's letter puts it. */
export const earlyCloseTitles: Record<EarlyCloseReason, string> = {
  'referral-declined': 'Referral declined',
  'consent-refused': 'Parental consent refused',
  'consent-withdrawn': 'Parental consent withdrawn',
  'moved-school': 'Pupil moved school',
  'permanently-excluded': 'Pupil permanently excluded',
  'no-longer-needed': 'Support no longer needed',
};

export const titleOf = <K extends string>(titles: Record<K, string>, code: string | undefined): string =>
  code === undefined ? '' : ((titles as Record<string, string>)[code] ?? code);
