import type { Clock } from '../workflow';

/** Real time, or real time shifted so that start-up happens at CLOCK_NOW (demos, local runs). */
export function appClock(startAt?: string): Clock {
  const offset = startAt ? new Date(startAt).getTime() - Date.now() : 0;
  return { now: () => new Date(Date.now() + offset) };
}
