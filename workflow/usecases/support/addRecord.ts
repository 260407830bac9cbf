import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { Contract } from '../../model/contract';
import type { CaseRecord, RecordBody } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { StepNumber } from '../../process/steps';
import type { NewItem, Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { openCaseRule } from '../../rules/closing';
import { directSupportRule } from '../../rules/directSupport';
import { orderRule } from '../../rules/order';
import { recordDateRule } from '../../rules/plausible';
import type { WorkflowDeps } from '../deps';
import { audit } from './audit';
import { detailOf, type AuditLine } from './changeAudited';
import { changeCase, openCase, type CaseChange, type CasePurpose } from './caseAccess';
import { tellWorkerOfRecord } from './tellWorkerOfRecord';
import { now } from './time';
import { UnitOfWork } from './unitOfWork';
import { readableDate, readableTime } from '../../calendar';
import { addDocumentRecords, paperwork } from '../documents/documentRecords';
import type { FiledDocument } from '../documents/fileCaseDocument';
import { documentsAbout, linkOf, type DocumentLink } from '../documents/documentLinks';

export interface RecordAdded {
  record: Versioned<CaseRecord>;
  case: Versioned<Case>;
  /** True when the same request had already been recorded (double click, retry): nothing new written. */
  repeated: boolean;
  /** The documents the record was written up in (an Observation Form, a meeting record), filed in the child's folder. */
  documents?: DocumentLink[];
}

/** A record about to be written: it has its idempotency key (which milestones name it by), not yet an id. */
export type PlannedRecord = NewItem<CaseRecord> & { key: string };

export interface AddRecordOptions {
  /** The milestone this record completes; returning undefined means none. */
  milestone?: (c: Case, record: PlannedRecord, step: StepNumber) => CaseChange | undefined;
  /** A step's record that exists once: a second one is refused as already done. */
  alreadyDone?: (c: Case) => { at: string; by: string } | undefined;
  /** Further rules particular to this record (checked after the common ones). */
  rule?: (c: Case) => Result<void> | Promise<Result<void>>;
  /** A safeguarding concern is locked from the moment it is written. */
  safeguarding?: boolean;
  /** `safeguarding`: a record the DSL may add to any case with a concern (default: caseload work only). */
  purpose?: CasePurpose;
  /** The use case tells the case's worker itself (reallocation, a linked re-referral): no "recorded by someone else" notice. */
  workerToldElsewhere?: boolean;
  /**
   * A change of the case this record notes (a pause, a reallocation), made first in the same unit with its
   * own audit line: the record is written only once the change landed, and the change's refusal is the answer.
   */
  changeFirst?: { decide: (current: Versioned<Case>) => Result<CaseChange>; audit: AuditLine };
  /** The case's contracts, when read with it: the worker's notice needs no further read. */
  contracts?: readonly Contract[];
  /** Further writes of this record's unit (after `record`, in its `$batch`): e.g. a second audit line. */
  alongside?: (work: UnitOfWork, record: PlannedRecord) => void;
  /** The record's document, made and filed once the rules allow the record and before it is written; its own record links it. */
  paperwork?: (c: Versioned<Case>, record: PlannedRecord) => Promise<RecordPaperwork>;
}

/** The record's documents: those filed now (their records written with it), or found filed by an earlier try of the same request. */
export interface RecordPaperwork {
  filed: FiledDocument[];
  earlier: DocumentLink[];
}

const anyTimeOnClosedCases = new Set<RecordBody['kind']>(['chronology', 'safeguarding-concern', 'addendum', 'evaluation-request']);

/**
 * Adds a record to a case after the common rules (closed case, plausible dates, direct support, order), at most
 * once per request key; then marks the step's milestone and writes the audit line.
 */
export async function addRecord(
  deps: WorkflowDeps,
  actor: Staff,
  caseId: string,
  body: RecordBody,
  requestKey: string,
  options: AddRecordOptions = {},
): Promise<Result<RecordAdded>> {
  // Anyone but a plain worker (who records on their own caseload) may be recording on another's case: the contracts,
  // for the next action that worker is told, come with the case.
  const mayTellWorker = !options.safeguarding && !options.workerToldElsewhere && actor.roles.some((r) => r !== 'worker');
  const [opened, contracts] = await Promise.all([
    openCase(deps, actor, caseId, options.purpose ?? 'caseload'),
    mayTellWorker ? deps.stores.contracts.find({ caseId }) : undefined,
  ]);
  if (!opened.ok) return opened;
  return addRecordTo(deps, actor, opened.value.case, body, requestKey, { ...options, ...(contracts ? { contracts } : {}) }, opened.value.asDsl);
}

/**
 * addRecord on a case already loaded: the caller has settled whether the actor may write on it
 * (a re-referral is recorded on a case the referrer may not open).
 */
export async function addRecordTo(
  deps: WorkflowDeps,
  actor: Staff,
  c: Versioned<Case>,
  body: RecordBody,
  requestKey: string,
  options: AddRecordOptions = {},
  /** The DSL writing on a case with a concern, not on their caseload: the audit line says so. */
  asDsl = false,
): Promise<Result<RecordAdded>> {
  const caseId = c.id;
  const idempotencyKey = `${caseId}:${requestKey}`;
  // Decided before the unit, whose writes start together: a change refused there would not hold the record back.
  const refused = options.changeFirst?.decide(c);
  if (refused && !refused.ok) return refused;
  const allowed = await recordRules(c, body, options, now(deps).today);
  if (!allowed.ok) {
    // A repeat of a request that was recorded (double click, Teams retry) is not a broken rule: the case has moved on since.
    const earlier = await deps.stores.records.findByKey(idempotencyKey);
    if (!earlier) return allowed;
    const documents = options.paperwork ? documentsAbout(await deps.stores.records.find({ caseId }), idempotencyKey) : undefined;
    return ok({ record: earlier, case: c, repeated: true, ...(documents ? { documents } : {}) });
  }
  const order = allowed;
  const stamp = now(deps);
  const planned: PlannedRecord = {
    caseId,
    step: order.value,
    safeguarding: options.safeguarding ?? false,
    locked: options.safeguarding ?? false,
    ...(options.safeguarding ? { lockedBy: actor.userId } : {}),
    body,
    createdBy: actor.userId,
    createdAt: stamp.at,
    updatedBy: actor.userId,
    updatedAt: stamp.at,
    key: idempotencyKey,
  };
  const { key: _key, ...newRecord } = planned;
  const writeUp = options.paperwork;
  const made = writeUp ? await paperwork(() => writeUp(c, planned)) : undefined;
  if (made && !made.ok) return made;
  // The record, the case's milestone (with its ETag) and the audit line travel together: one $batch on Graph.
  const work = new UnitOfWork(deps.batching, idempotencyKey);
  const first = options.changeFirst;
  const changedFirst = first ? work.add('change', () => changeCase(deps, actor, caseId, first.decide, c)) : undefined;
  if (first) work.add('change-audit', () => audit(deps, actor, first.audit.action, caseId, first.audit.key, detailOf(first.audit)), ['change']);
  const saved = work.add('record', () => deps.stores.records.create(newRecord, idempotencyKey), first ? ['change'] : []);
  const milestone = options.milestone;
  const changed = milestone
    ? work.add('case', () => changeCase(deps, actor, caseId, (latest) => ok(milestone(latest, planned, order.value) ?? {}), c), ['record'])
    : undefined;
  work.add(
    'audit',
    () => audit(deps, actor, `record.${body.kind}`, caseId, idempotencyKey, { recordKey: idempotencyKey, step: String(order.value), ...(asDsl ? { access: 'safeguarding' } : {}) }),
    [changed ? 'case' : 'record'],
  );
  options.alongside?.(work, planned);
  if (made?.value.filed.length) addDocumentRecords(work, deps, actor, c, made.value.filed, order.value, { after: ['record'], aboutRecordKey: idempotencyKey });
  await work.flush();
  const landedFirst = changedFirst?.();
  if (landedFirst && !landedFirst.ok) return landedFirst;
  const { item: record, created } = saved();
  let current: Versioned<Case> = landedFirst?.value ?? c;
  if (changed) {
    const result = changed();
    if (!result.ok) return result;
    current = result.value;
  }
  if (created && !options.safeguarding && !options.workerToldElsewhere) await tellWorkerOfRecord(deps, actor, current, record, options.contracts);
  const documents = made ? [...made.value.earlier, ...made.value.filed.map(linkOf)] : undefined;
  return ok({ record, case: current, repeated: !created, ...(documents ? { documents } : {}) });
}

async function recordRules(c: Case, body: RecordBody, options: AddRecordOptions, today: string): Promise<Result<StepNumber>> {
  if (!anyTimeOnClosedCases.has(body.kind)) {
    const open = openCaseRule(c);
    if (!open.ok) return open;
  }
  const done = options.alreadyDone?.(c);
  if (done) {
    return fail(workflowError('AlreadyDone', `This was already recorded on ${c.reference} at ${readableTime(done.at)} on ${readableDate(done.at)}.`, { rule: 'Order' }));
  }
  const support = directSupportRule(c, body);
  if (!support.ok) return support;
  const order = orderRule(c, body);
  if (!order.ok) return order;
  if (options.rule) {
    const extra = await options.rule(c);
    if (!extra.ok) return extra;
  }
  // After the process rules: a step not yet due is told so before its date is looked at.
  const dated = recordDateRule(c, body, today);
  if (!dated.ok) return dated;
  return order;
}
