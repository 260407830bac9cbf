import { readableDate } from '../calendar';
import { destinationLabels, labelOf } from '../labels';
import type { Case } from '../model/case';
import type { BodyOf, CaseRecord, RecordKind } from '../model/records';
import type { DocumentFields } from '../ports/documents';
import { dateHappened, inOrderHappened } from '../process/dateHappened';
import { withWhomLabels } from './documentLabels';
import { recordKindName, recordSummary, recordText, showHours } from './recordText';

/** Kept on the time sheet and the lone-working log, not in the case's story. */
const notInTheStory = new Set<RecordKind>(['time', 'lone-working']);

const story = (records: readonly CaseRecord[]): CaseRecord[] => inOrderHappened(records.filter((r) => !notInTheStory.has(r.body.kind)));

/** What goes to the school: the story without safeguarding records (those stay with the service), nor the service's own register of documents sent (it names who got what). */
const shareable = (records: readonly CaseRecord[]): CaseRecord[] =>
  story(records).filter((r) => !r.safeguarding && r.body.kind !== 'safeguarding-concern' && r.body.kind !== 'document');

const bodiesOf = <K extends RecordKind>(records: readonly CaseRecord[], kind: K): Array<{ record: CaseRecord; body: BodyOf<K> }> =>
  records.flatMap((record) => (record.body.kind === kind ? [{ record, body: record.body as BodyOf<K> }] : []));

function delivered(records: readonly CaseRecord[]): DocumentFields {
  const sessions = bodiesOf(records, 'support-session');
  const total = sessions.reduce((sum, s) => sum + s.body.hours, 0);
  return { sessionCount: String(sessions.length), hoursDelivered: showHours(Math.round(total * 100) / 100) };
}

function contractPeriod(c: Case, none: string): string {
  const k = c.contractInForce;
  return k ? `Version ${k.version}: ${readableDate(k.startDate)} to ${readableDate(k.supportEnds)}, review ${readableDate(k.reviewDate)}` : none;
}

/** The Chronology Log: every record of the case in the order things happened, with who recorded it. */
export function chronologyLogFields(records: readonly CaseRecord[], staffNames: ReadonlyMap<string, string>): DocumentFields {
  return {
    entries: story(records).map((r) => ({
      date: readableDate(dateHappened(r)),
      kind: recordKindName(r),
      entry: recordText(r.body),
      writtenBy: staffNames.get(r.createdBy) ?? 'A member of staff',
    })),
  };
}

/** The Summary Record: one line per step recorded, and the support delivered. */
export function summaryRecordFields(c: Case, records: readonly CaseRecord[]): DocumentFields {
  const shown = shareable(records);
  return {
    contractPeriod: contractPeriod(c, 'No contract in force'),
    ...delivered(shown),
    entries: shown.map((r) => ({ date: readableDate(dateHappened(r)), kind: recordKindName(r), summary: recordSummary(r.body) })),
  };
}

/** The End of Outreach Report: what was observed, the support delivered, and the final review. */
export function endOfOutreachFields(c: Case, records: readonly CaseRecord[]): DocumentFields {
  const shown = shareable(records);
  const review = bodiesOf(shown, 'review').at(-1)?.body;
  const destination = review?.destination ?? c.closure?.destination ?? c.milestones.lastReview?.destination;
  return {
    contractPeriod: contractPeriod(c, 'No contract recorded'),
    ...delivered(shown),
    reviewedOn: review ? readableDate(review.heldOn) : 'Not recorded',
    reviewSummary: review?.summary ?? 'Not recorded',
    destination: destination ? labelOf(destinationLabels, destination) : 'Not recorded',
    observations: bodiesOf(shown, 'observation').map(({ body }) => ({ date: readableDate(body.observedOn), outcome: body.outcome, wayForward: body.wayForward })),
    sessions: bodiesOf(shown, 'support-session').map(({ body }) => ({
      date: readableDate(body.deliveredOn),
      withWhom: labelOf(withWhomLabels, body.withWhom),
      hours: showHours(body.hours),
      summary: body.summary,
    })),
  };
}
