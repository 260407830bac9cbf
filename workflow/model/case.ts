import { z } from 'zod';
import { Attribution, EntraId, Id, Instant, IsoDate, Text } from './common';

export const ReferralSource = z.enum(['school', 'inclusion-panel', 'other-agency']);
export const Consent = z.enum(['given', 'pending', 'refused', 'withdrawn']);
export type Consent = z.infer<typeof Consent>;
export const CaseStatus = z.enum(['open', 'paused', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** The school's graduated response before referring (assess, plan, do, review). */
export const GraduatedResponse = z.object({
  plans: z.array(z.enum(['person-centred-plan', 'positive-behaviour-support-plan', 'incident-support-plan', 'iep', 'pupil-passport', 'other'])),
  assessments: z.array(z.enum(['sdq', 'boxall', 'thrive', 'other'])),
  whatHasBeenTried: Text,
});

export const Destination = z.enum(['mainstream', 'specialist-provision', 'alternative-provision', 'other']);
export type Destination = z.infer<typeof Destination>;

export const EarlyCloseReason = z.enum([
  'referral-declined',
  'consent-refused',
  'consent-withdrawn',
  'moved-school',
  'permanently-excluded',
  'no-longer-needed',
]);
export type EarlyCloseReason = z.infer<typeof EarlyCloseReason>;

const Done = z.object({ at: Instant, by: EntraId });
/** A milestone a record completed: named by the record's idempotency key (cases recorded before this carry its id). */
const DoneWithRecord = Done.extend({ recordKey: z.string().min(1).optional(), recordId: Id.optional() });

/** What has been recorded, step by step: the case's progress through the ten steps. */
export const Milestones = z.object({
  allocated: Done.optional(),
  informationRequested: Done.optional(),
  informationReturned: DoneWithRecord.optional(),
  /** While one of the two is still awaited: the information form or the PDP filed as the school returned it. */
  informationPartlyReturned: z.object({ form: DoneWithRecord.optional(), pdp: DoneWithRecord.optional() }).optional(),
  firstObservation: DoneWithRecord.optional(),
  schoolMeeting: DoneWithRecord.optional(),
  homeVisit: DoneWithRecord.extend({ mode: z.enum(['home-visit', 'teams-call']) }).optional(),
  furtherObservation: DoneWithRecord.extend({ skippedReason: z.string().optional() }).optional(),
  /** The first support record under the contract in force (cleared when a new contract starts). */
  supportStarted: DoneWithRecord.optional(),
  lastReview: DoneWithRecord.extend({ heldOn: IsoDate, outcome: z.enum(['continue', 'end']), destination: Destination.optional() }).optional(),
  endReportFiled: Done.extend({ fileUrl: z.string() }).optional(),
  endReportSent: Done.optional(),
  evaluationRequested: Done.optional(),
});
export type Milestones = z.infer<typeof Milestones>;

/** The approved contract currently in force, copied onto the case so rules need no extra read. */
export const ContractInForce = z.object({
  contractId: Id,
  version: z.number().int().min(1),
  startDate: IsoDate,
  reviewDate: IsoDate,
  supportEnds: IsoDate,
});
export type ContractInForce = z.infer<typeof ContractInForce>;

export const Pause = z.object({ from: IsoDate, to: IsoDate.optional(), reason: Text, by: EntraId });
export type Pause = z.infer<typeof Pause>;

export const Closure = z.object({
  on: IsoDate,
  by: EntraId,
  how: z.enum(['review-ended']).or(EarlyCloseReason),
  destination: Destination.optional(),
  note: z.string().optional(),
  /** Closing early: the letter telling the school went (marked after sending, so a retry after a failure still sends it). */
  letterSent: Done.optional(),
});
export type Closure = z.infer<typeof Closure>;

export const ClosedMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** The closedMonth of a case closed on `day` (an IsoDate). */
export const closedMonthOf = (day: string): string => day.slice(0, 7);

export const Case = z
  .object({
    id: Id,
    reference: z.string().regex(/^OC-\d{2}-[0-9A-Z]{5}$/),
    childId: Id,
    schoolId: Id,
    referralDate: IsoDate,
    referralSource: ReferralSource,
    referralSourceDetail: z.string().optional(),
    reasonForReferral: Text,
    graduatedResponse: GraduatedResponse,
    consent: Consent,
    status: CaseStatus,
    /** The next step to record (1-9); 10 once closed. Kept for list views; rules use milestones. */
    step: z.number().int().min(1).max(10),
    workerId: EntraId.optional(),
    purchaseIds: z.array(Id),
    milestones: Milestones,
    contractInForce: ContractInForce.optional(),
    pauses: z.array(Pause),
    closure: Closure.optional(),
    /** `YYYY-MM` of closure.on, an indexed column: closed cases are listed month by month, under the list view threshold. */
    closedMonth: ClosedMonth.optional(),
    /** Other cases of the same child (earlier episodes, or a re-referral flagged while open). */
    linkedCaseIds: z.array(Id),
    /** The request that logged the referral: a repeat of it finds this case instead of flagging a duplicate. */
    referralKey: z.string().min(1),
  })
  .extend(Attribution.shape);
export type Case = z.infer<typeof Case>;
