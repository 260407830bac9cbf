import { checkInVerbs } from '../forms/checkInForm';
import { checkOutVerbs } from '../forms/checkOutForm';
import { acknowledgeCheckOutVerbs } from '../forms/acknowledgeCheckOutForm';
import { homeVisitVerbs } from '../forms/homeVisitForm';
import { meetingVerbs } from '../forms/meetingForm';
import { skipObservationVerbs } from '../forms/skipObservationForm';
import type { CardVerb } from './cardVerb';

/** Steps 4-6 and lone working: meeting records, the home visit or call, check-in / check-out, skipping the 2nd observation. */
export const visitVerbs: readonly CardVerb[] = [...meetingVerbs, ...homeVisitVerbs, ...checkInVerbs, ...checkOutVerbs, ...skipObservationVerbs, ...acknowledgeCheckOutVerbs];
