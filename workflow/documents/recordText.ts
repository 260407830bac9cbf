import { readableTime } from '../calendar';
import { destinationLabels, labelOf, recordKindLabels } from '../labels';
import type { CaseRecord, RecordBody } from '../model/records';
import {
  chronologyCategoryLabels,
  homeVisitModeLabels,
  meetingPurposeLabels,
  observationFocusLabels,
  reviewOutcomeLabels,
  withWhomLabels,
} from './documentLabels';

const hours = (h: number): string => `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, '')} h`;
const sentence = (...parts: Array<string | undefined>): string => parts.filter((p): p is string => Boolean(p && p.trim())).join(' ');

/** What a record says, in full, as the chronology log shows it. */
export function recordText(body: RecordBody): string {
  switch (body.kind) {
    case 'information-returned':
      return sentence(
        `Information form ${body.formReturned ? 'returned' : 'not returned'}; PDP ${body.pdpReturned ? 'returned' : 'not returned'}.`,
        body.notes,
      );
    case 'observation':
      return sentence(`${labelOf(observationFocusLabels, body.focus)}, ${body.setting}.`, `Outcome: ${body.outcome}`, `Way forward: ${body.wayForward}`);
    case 'observation-skipped':
      return `Further observation skipped: ${body.reason}`;
    case 'meeting':
      return sentence(
        `${labelOf(meetingPurposeLabels, body.purpose)} with ${body.attendees.join(', ')}.`,
        body.notes,
        body.agreedSupport ? `Agreed support: ${body.agreedSupport}` : undefined,
        body.expectations ? `Expectations: ${body.expectations}` : undefined,
      );
    case 'home-visit':
      return sentence(`${labelOf(homeVisitModeLabels, body.mode)} with ${body.attendees.join(', ')}.`, body.notes);
    case 'lone-working':
      return sentence(
        `Visit planned ${readableTime(body.plannedStart)} to ${readableTime(body.plannedEnd)}.`,
        body.checkedInAt ? `Checked in ${readableTime(body.checkedInAt)}.` : undefined,
        body.checkedOutAt ? `Checked out ${readableTime(body.checkedOutAt)}.` : undefined,
      );
    case 'support-session':
      return sentence(`${labelOf(withWhomLabels, body.withWhom)}, ${hours(body.hours)}.`, body.summary);
    case 'chronology':
      return sentence(`${labelOf(chronologyCategoryLabels, body.category)}:`, body.note);
    case 'time':
      return `${hours(body.hours)}, ${body.activity.replace(/-/g, ' ')}.`;
    case 'review':
      return sentence(
        `${labelOf(reviewOutcomeLabels, body.outcome)}.`,
        body.summary,
        body.destination ? `Destination: ${labelOf(destinationLabels, body.destination)}.` : undefined,
      );
    case 'report':
      return sentence(body.requestedBy ? `Requested by ${body.requestedBy}.` : undefined, body.summary);
    case 'evaluation-request':
      return `Evaluation requested from ${body.to.join(', ')}.`;
    case 'document':
      return sentence(`${body.fileName} filed.`, body.sentTo?.length ? `Sent to ${body.sentTo.join(', ')}.` : undefined);
    case 'safeguarding-concern':
      return sentence(`Concern: ${body.concern}`, `Action taken: ${body.actionTaken}`);
    case 'addendum':
      return `Addendum: ${body.text}`;
  }
}

/** The first sentence or so of a record: the summary record's one line. */
export function recordSummary(body: RecordBody, max = 200): string {
  const text = recordText(body);
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "Observation", or "Report (fair access panel)". */
export function recordKindName(record: Pick<CaseRecord, 'body' | 'safeguarding'>): string {
  const kind = labelOf(recordKindLabels, record.body.kind);
  return record.safeguarding && record.body.kind !== 'safeguarding-concern' ? `${kind} (safeguarding)` : kind;
}

export const showHours = hours;
