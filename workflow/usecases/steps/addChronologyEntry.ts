import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/** The Chronology Log: notes and updates to school and home, at any time (the DSL too, on a case with a concern). */
export const addChronologyEntry: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('chronology', raw);
  if (!input.ok) return input;
  return addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey, { purpose: 'safeguarding' });
};
