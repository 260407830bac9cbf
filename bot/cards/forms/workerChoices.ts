import { hoursText, workerLoads, type WorkerLoad } from '../../../workflow';
import type { CardContext } from '../card';

export interface WorkerChoices {
  /** Most free first, each titled with the reason: "Asha Patel: 18 h free this half-term (…)". */
  choices: Array<{ title: string; value: string }>;
  /** The worker suggested (most free), or '' when there is none to suggest. */
  suggested: string;
  /** The line under the choice naming the suggestion and why ('' with none). */
  suggestion: string;
}

function suggestionLine(load: WorkerLoad, next: WorkerLoad | undefined): string {
  const name = load.worker.displayName;
  const f = load.free;
  if (!f) return `Suggested: ${name}, who has the fewest open cases (free time is not worked out without term dates for today).`;
  const when = f.window.current ? 'this half-term' : 'next half-term';
  if (load.overCapacity) return `Suggested: ${name}, the least over capacity ${when} (over by ${hoursText(-f.free)}). Every worker is over capacity.`;
  const tie =
    next?.free?.free !== f.free ? '' : next.openCases > load.openCases ? `; ${next.worker.displayName} has as much but more open cases` : `; ${next.worker.displayName} has as much (listed by name)`;
  return `Suggested: ${name}, who has the most time free ${when}: ${hoursText(f.free)}${tie}.`;
}

/**
 * Each active worker with their free time this half-term, for allocation and reallocation. The
 * case's own worker (`currentWorkerId`, reallocating) is listed but never suggested.
 */
export async function workerChoices(ctx: CardContext, currentWorkerId?: string): Promise<WorkerChoices> {
  const loads = await workerLoads(ctx.deps, ctx.actor);
  if (!loads.ok) return { choices: [], suggested: '', suggestion: '' };
  const candidates = loads.value.filter((l) => l.worker.userId !== currentWorkerId);
  const [best, next] = candidates;
  const choices = loads.value.map((l) => ({
    title: `${l.worker.displayName}${l.worker.userId === currentWorkerId ? ' (has the case now)' : ''}: ${l.reason}`,
    value: l.worker.userId,
  }));
  // The suggestion first; the others keep their order.
  const first = choices.filter((c) => c.value === best?.worker.userId);
  return {
    choices: [...first, ...choices.filter((c) => c.value !== best?.worker.userId)],
    suggested: best?.worker.userId ?? '',
    suggestion: best ? suggestionLine(best, next) : '',
  };
}
