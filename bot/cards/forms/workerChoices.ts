import { workerLoads } from '../../../workflow';
import type { CardContext } from '../card';

/** Each active worker with their open cases and weekly hours, for allocation and reallocation. */
export async function workerChoices(ctx: CardContext): Promise<Array<{ title: string; value: string }>> {
  const loads = await workerLoads(ctx.deps, ctx.actor);
  if (!loads.ok) return [];
  return loads.value.map((l) => ({
    title: `${l.worker.displayName}: ${l.openCases} open ${l.openCases === 1 ? 'case' : 'cases'}, ${l.capacityHours} h a week`,
    value: l.worker.userId,
  }));
}
