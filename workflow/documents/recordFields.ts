import { readableDate } from '../calendar';
import type { BodyOf } from '../model/records';
import type { DocumentFields } from '../ports/documents';
import { meetingPurposeLabels, observationFocusLabels, strategyEffectLabels, yesNo } from './documentLabels';
import { labelOf } from '../labels';

const orNone = (text: string | undefined): string => (text?.trim() ? text : 'None recorded');

/** The Observation Form: what was seen, and the school's strategies checked. */
export function observationFields(record: BodyOf<'observation'>, observer: string): DocumentFields {
  return {
    observedOn: readableDate(record.observedOn),
    setting: record.setting,
    focus: labelOf(observationFocusLabels, record.focus),
    observer,
    outcome: record.outcome,
    wayForward: record.wayForward,
    strategies: record.strategiesChecked.map((s) => ({ strategy: s.strategy, inUse: yesNo(s.inUse), effective: labelOf(strategyEffectLabels, s.effective) })),
  };
}

/** The meeting record: who met, about what, and what was agreed. */
export function meetingFields(record: BodyOf<'meeting'>, recordedBy: string): DocumentFields {
  return {
    heldOn: readableDate(record.heldOn),
    purpose: labelOf(meetingPurposeLabels, record.purpose),
    notes: record.notes,
    agreedSupport: orNone(record.agreedSupport),
    expectations: orNone(record.expectations),
    recordedBy,
    attendees: record.attendees.map((name) => ({ name })),
  };
}

/** An Outreach Report (another agency) or the Fair Access Panel's report. */
export function reportFields(record: BodyOf<'report'>, writtenBy: string): DocumentFields {
  return { requestedBy: record.requestedBy?.trim() ? record.requestedBy : 'Not recorded', summary: record.summary, writtenBy };
}
