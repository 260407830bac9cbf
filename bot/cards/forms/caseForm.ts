import { requireRole, steps, viewCase, viewCaseAgain, type CaseView, type Result, type Role, type StepNumber, type WorkflowError } from '../../../workflow';
import type { AdaptiveCardJson, CardContext, CardResponse } from '../card';
import type { CardVerb } from '../actions/cardVerb';
import { alreadyRecorded } from '../alreadyRecorded';
import { headingOf } from '../caseHeading';
import { composeCard, outcomeBlock, outcomeCard, type Outcome } from '../outcomes';
import { caseCard } from '../views/caseCard';
import { openVerb, submitVerb, viewVerbs, type CaseFormName } from './formNames';
import { withDefaults, type FormValues } from './formValues';
import { recentRecordFor, recentRecordNotice } from './recentNotice';
import { staffNames } from '../staffNames';

/**
 * A form about one case: `<name>.open` shows it, `<name>.submit` records it through a use case.
 * The submit answers with what was recorded (no live buttons) and a follow-up case card with
 * the next actions; a broken rule shows the form again naming the rule, with what was typed.
 */
export interface CaseFormSpec<O> {
  name: CaseFormName;
  /** The form's heading line, e.g. "Record the initial observation". */
  title: string;
  submitTitle: string;
  /**
   * Values every input starts with ('' for empty); the keys are the inputs' ids. `opened` is the
   * action data the form was opened with and carries to its submit: caseId, the `carries` values
   * (e.g. the recordId of the visit to check out of), requestKey and openedAtStep.
   */
  defaults(ctx: CardContext, view: CaseView, opened: FormValues): FormValues | Promise<FormValues>;
  /** The inputs, expanded with the values (and any choices the form needs); `opened` as for `defaults`. */
  fields(ctx: CardContext, view: CaseView, values: FormValues, opened: FormValues): unknown[] | Promise<unknown[]>;
  /** The card's values as the use case's input (caseId and requestKey are added). */
  toInput(values: FormValues): Record<string, unknown>;
  run(ctx: CardContext, input: Record<string, unknown>): Promise<Result<O>>;
  /** What the finished card says was recorded. */
  recorded(ctx: CardContext, outcome: O, values: FormValues): Outcome | Promise<Outcome>;
  /** Action data the form carries from `open` to `submit` besides caseId (e.g. contractId). */
  carries?: readonly string[];
  /** Buttons on the recorded card, for the next thing to do with what was recorded (e.g. check out of the visit just checked into). */
  actions?(outcome: O): unknown[];
  /** What the recorded card shows that can still change (e.g. a contract awaiting approval): the card is kept and redrawn when it does. */
  live?(outcome: O): string | undefined;
  /** Subjects the record changed besides its own (e.g. a draft it withdrew): their kept card copies are redrawn. */
  changed?(outcome: O): string[];
  /**
   * The roles that may use the form (any one of them). Anyone else opening or submitting it (an
   * old card, a forwarded card) is told which role it needs, before any use case runs. The use
   * case checks again.
   */
  roles?: readonly Role[];
  /** What the roles are needed for, in the refusal: "Only manager staff can <roleAction>." */
  roleAction?: string;
  /**
   * The form can be used at any step (chronology, time, safeguarding, reports, ...): a refusal
   * names the real rule even when the case moved on between open and submit, rather than
   * calling the card out of date.
   */
  anyStep?: boolean;
}

/** Errors after which showing the form again would not help. */
const finalErrors = new Set<WorkflowError['code']>(['NotYourCase', 'RoleRequired', 'NotFound', 'CaseClosed', 'NotOnStaffList']);

export function caseFormVerbs<O>(spec: CaseFormSpec<O>): CardVerb[] {
  return [
    { verb: openVerb(spec.name), handle: (ctx, values) => withRole(spec, ctx, () => openForm(spec, ctx, values)) },
    { verb: submitVerb(spec.name), handle: (ctx, values) => withRole(spec, ctx, () => submitForm(spec, ctx, values)) },
  ];
}

/** The form's roles checked first: without one of them the answer is a refusal naming the roles. */
async function withRole<O>(spec: CaseFormSpec<O>, ctx: CardContext, handle: () => Promise<CardResponse>): Promise<CardResponse> {
  if (!spec.roles) return handle();
  const allowed = requireRole(ctx.actor, [...spec.roles], spec.roleAction ?? `use the form "${spec.title}"`);
  return allowed.ok ? handle() : { card: refusal(allowed.error) };
}

async function openForm<O>(spec: CaseFormSpec<O>, ctx: CardContext, data: FormValues): Promise<CardResponse> {
  const view = await viewCase(ctx.deps, ctx.actor, { caseId: data.caseId ?? '' });
  if (!view.ok) return { card: refusal(view.error) };
  const requestKey = ctx.deps.ids.randomCode(16);
  const submitData = carried(spec, { ...data, openedAtStep: String(view.value.step) }, requestKey);
  const values = await spec.defaults(ctx, view.value, submitData);
  const notice = await recentNotice(spec.name, ctx, view.value);
  return { card: await formCard(spec, ctx, view.value, values, submitData, undefined, notice) };
}

/** "An observation was recorded 40 seconds ago by you. Record another?" when the same kind was written in the last 10 minutes. */
async function recentNotice(name: CaseFormName, ctx: CardContext, view: CaseView): Promise<string | undefined> {
  const now = ctx.deps.clock.now();
  const recent = recentRecordFor(name, view.records, now);
  if (!recent) return undefined;
  const who = recent.createdBy === ctx.actor.userId ? 'you' : (await staffNames(ctx))(recent.createdBy);
  return recentRecordNotice(name, recent, now, who);
}

async function submitForm<O>(spec: CaseFormSpec<O>, ctx: CardContext, data: FormValues): Promise<CardResponse> {
  const caseId = data.caseId ?? '';
  const requestKey = data.requestKey ?? '';
  // The case as the follow-up card shows it, asked for beside the action's own reads so they travel together (one
  // $batch on Graph, its read audited there); shown as it stands once the action's writes are done.
  const [result, before] = await Promise.all([spec.run(ctx, { ...spec.toInput(data), caseId, requestKey }), viewCase(ctx.deps, ctx.actor, { caseId })]);
  const view = before.ok ? await viewCaseAgain(ctx.deps, ctx.actor, caseId) : before;
  if (!view.ok) return { card: refusal(result.ok ? view.error : result.error) };
  const heading = headingOf(view.value);
  const followUp = await caseCard(ctx, view.value);
  if (result.ok) {
    const outcome = await spec.recorded(ctx, result.value, data);
    const live = spec.live?.(result.value);
    const changed = spec.changed?.(result.value) ?? [];
    const kept = { ...(live ? { live } : {}), ...(changed.length > 0 ? { changed } : {}) };
    // A repeat posts no second case card: the first submit already did.
    const actions = spec.actions?.(result.value) ?? [];
    const recordedCard = (shown: Outcome) => composeCard({ heading, body: [outcomeBlock(shown)], actions });
    if (isRepeat(result.value)) return { card: recordedCard(alreadyRecorded(outcome)), ...kept };
    return { card: recordedCard(outcome), followUp, ...kept };
  }
  if (result.error.code === 'AlreadyDone' || result.error.code === 'ConcurrentChange') {
    return { card: outcomeCard({ headline: 'Nothing new was recorded', tone: 'warning', detail: result.error.message }, heading), followUp };
  }
  if (finalErrors.has(result.error.code)) return { card: outcomeCard(refusalOutcome(result.error), heading), followUp };
  const openedAt = Number(data.openedAtStep);
  if (!spec.anyStep && openedAt && openedAt !== view.value.step) {
    // A card from before someone else moved the case on: say so rather than blame a rule.
    const detail = `This form was opened when the case was at step ${openedAt} (${steps[openedAt as StepNumber]?.name ?? ''}); it has moved on to step ${view.value.step} since. ${result.error.message}`;
    return { card: outcomeCard({ headline: 'This card is out of date: nothing was recorded', tone: 'warning', detail }, heading), followUp };
  }
  const submitData = carried(spec, data, requestKey);
  const values = withDefaults(await spec.defaults(ctx, view.value, submitData), data);
  return { card: await formCard(spec, ctx, view.value, values, submitData, result.error) };
}

async function formCard<O>(
  spec: CaseFormSpec<O>,
  ctx: CardContext,
  view: CaseView,
  values: FormValues,
  submitData: Record<string, string>,
  problem?: WorkflowError,
  /** Said at the top of the form: the same kind of record was written a moment ago. */
  notice?: string,
): Promise<AdaptiveCardJson> {
  const fields = await spec.fields(ctx, view, values, submitData);
  const noticeBlock = notice ? [{ type: 'TextBlock', text: notice, color: 'Warning', weight: 'Bolder', wrap: true }] : [];
  return composeCard({
    heading: headingOf(view),
    ...(problem ? { problem } : {}),
    body: [...noticeBlock, { type: 'TextBlock', text: spec.title, weight: 'Bolder', size: 'Medium', wrap: true }, ...fields],
    actions: [
      { type: 'Action.Execute', title: spec.submitTitle, verb: submitVerb(spec.name), data: submitData, style: 'positive' },
      { type: 'Action.Execute', title: 'Back to the case', verb: viewVerbs.openCase, data: { caseId: view.case.id }, associatedInputs: 'none' },
    ],
  });
}

function carried<O>(spec: CaseFormSpec<O>, data: FormValues, requestKey: string): Record<string, string> {
  const extra = Object.fromEntries((spec.carries ?? []).map((k) => [k, data[k] ?? '']));
  return { caseId: data.caseId ?? '', requestKey, openedAtStep: data.openedAtStep ?? '', ...extra };
}

const isRepeat = (value: unknown): boolean => typeof value === 'object' && value !== null && 'repeated' in value && value.repeated === true;

export function refusalOutcome(error: WorkflowError): Outcome {
  return { headline: 'This could not be done', tone: 'attention', detail: error.message, facts: error.rule ? [{ title: 'Rule', value: error.rule }] : [] };
}

export const refusal = (error: WorkflowError): AdaptiveCardJson => outcomeCard(refusalOutcome(error));
