import { londonDate } from '../../calendar';
import type { WorkflowDeps } from '../deps';

/** The instant (ISO) and the London date of "now", from the Clock port. */
export function now(deps: Pick<WorkflowDeps, 'clock'>): { at: string; today: string } {
  const instant = deps.clock.now();
  return { at: instant.toISOString(), today: londonDate(instant) };
}
