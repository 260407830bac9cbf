import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';
import { now } from '../support/time';

/**
 * Step 2: the school has returned the information form and the PDP. No date given (the case card's
 * one click) means today, by the clock when it is recorded; a date given, even empty, is checked.
 */
export const recordInformationReturned: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('information-returned', withDefaultDate(raw, now(deps).today));
  if (!input.ok) return input;
  return addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey, {
    alreadyDone: (c) => c.milestones.informationReturned,
    milestone: (c, record) =>
      c.milestones.informationReturned ? undefined : { milestones: { ...c.milestones, informationReturned: { at: record.createdAt, by: record.createdBy, recordKey: record.key } } },
  });
};

function withDefaultDate(raw: unknown, today: string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  return 'returnedOn' in raw && raw.returnedOn !== undefined ? raw : { ...raw, returnedOn: today };
}
