import { fail, pauseCase, resumeCase, workflowError, type Case, type CaseView, type Pause, type Result, type Versioned } from '../../../workflow';
import type { CardContext } from '../card';
import { showDate } from '../format';
import type { Fact } from '../outcomes';
import { recordedBy } from '../recordedBy';
import reasonTemplate from '../templates/reasonForm.json';
import { expandFragment } from '../template';
import { caseFormVerbs } from './caseForm';
import { text } from './formValues';
import { confirmText } from './recordOutcome';

const currentPause = (c: Case): Pause | undefined => {
  const last = c.pauses[c.pauses.length - 1];
  return last && !last.to ? last : undefined;
};
const lastPause = (c: Case): Pause | undefined => c.pauses[c.pauses.length - 1];

function pauseExplanation(view: CaseView): string {
  const c = view.case;
  const paused = c.status === 'paused' ? currentPause(c) : undefined;
  if (paused) return `${c.reference} is already paused (since ${showDate(paused.from)}: ${paused.reason}).`;
  const ends = c.contractInForce ? ` Support under the contract in force currently ends on ${showDate(c.contractInForce.supportEnds)}.` : '';
  return `Pausing stops the 6 weeks of support counting until a manager resumes the case.${ends} Give the reason (for example the worker's absence or the pupil's illness).`;
}

/** Pause and reallocation: the manager pauses a case with a reason; the 6 weeks stop counting. */
export const pauseVerbs = caseFormVerbs<Versioned<Case>>({
  name: 'pause',
  anyStep: true,
  roles: ['manager'],
  roleAction: 'pause a case',
  title: 'Pause the case',
  submitTitle: 'Pause the case',
  defaults: () => ({ reason: '' }),
  fields: (_ctx, view, values) =>
    expandFragment<unknown[]>(reasonTemplate, {
      explanation: pauseExplanation(view),
      reasons: [],
      values,
      textId: 'reason',
      textLabel: 'Reason for the pause',
      textRequired: true,
      textValue: values.reason ?? '',
    }),
  toInput: (v) => ({ reason: text(v, 'reason') }),
  run: (ctx, input) => pauseCase(ctx.deps, ctx.actor, input),
  recorded: async (ctx, c) => {
    const pause = currentPause(c) ?? lastPause(c);
    return {
      headline: 'Case paused',
      tone: 'good',
      facts: [
        { title: 'Paused from', value: showDate(pause?.from) },
        { title: 'Reason', value: pause?.reason ?? '' },
      ],
      detail: 'The 6 weeks of support stop counting while the case is paused. A manager can resume it from the case card.',
      by: await recordedBy(ctx, c.updatedBy, c.updatedAt, 'Paused'),
    };
  },
});

function resumeExplanation(view: CaseView): string {
  const c = view.case;
  const paused = c.status === 'paused' ? currentPause(c) : undefined;
  if (!paused) return `${c.reference} is not paused: there is nothing to resume.`;
  const contract = c.contractInForce
    ? `Support under the contract in force currently ends on ${showDate(c.contractInForce.supportEnds)}; resuming moves that date out by the school days the case was paused.`
    : 'No contract is in force yet, so no support dates move.';
  return `${c.reference} has been paused since ${showDate(paused.from)} (${paused.reason}). ${contract}`;
}

/** A paused case resumes today; the end of the 6 weeks moves out by the paused school days. */
async function resume(ctx: CardContext, input: Record<string, unknown>): Promise<Result<Versioned<Case>>> {
  const result = await resumeCase(ctx.deps, ctx.actor, input);
  // Not paused any more: someone (or a double click) has resumed it already; nothing was written.
  if (!result.ok && result.error.code === 'CaseNotPaused') {
    return fail(workflowError('AlreadyDone', `${result.error.message} It has already been resumed, or was never paused.`, { rule: 'Pause and reallocation' }));
  }
  return result;
}

export const resumeVerbs = caseFormVerbs<Versioned<Case>>({
  name: 'resume',
  anyStep: true,
  roles: ['manager'],
  roleAction: 'resume a case',
  title: 'Resume the case',
  submitTitle: 'Resume the case',
  defaults: () => ({}),
  fields: (_ctx, view) => confirmText(resumeExplanation(view)),
  toInput: () => ({}),
  run: (ctx, input) => resume(ctx, input),
  recorded: async (ctx, c) => {
    const pause = lastPause(c);
    const inForce = c.contractInForce;
    const facts: Fact[] = [
      { title: 'Paused', value: pause ? `${showDate(pause.from)} to ${showDate(pause.to)}` : '' },
      { title: 'Reason', value: pause?.reason ?? '' },
      ...(inForce
        ? [
            { title: 'Support now ends', value: showDate(inForce.supportEnds) },
            { title: 'Review by', value: showDate(inForce.reviewDate) },
          ]
        : []),
    ];
    return {
      headline: 'Case resumed',
      tone: 'good',
      facts,
      detail: inForce
        ? `The 6 weeks of support count again. The support end date has moved to ${showDate(inForce.supportEnds)} to make up the school days the case was paused.`
        : 'The case is open again. No contract is in force, so no support dates moved.',
      by: await recordedBy(ctx, c.updatedBy, c.updatedAt, 'Resumed'),
    };
  },
});
