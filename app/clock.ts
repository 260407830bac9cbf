import type { Clock } from '../workflow';

/** The app's clock: real time shifted by an offset, which a local run may move (app/embeddedTime.ts). */
export interface AppClock extends Clock {
  /** From now on `now()` reads `at`, and runs on from there. */
  setNow(at: Date): void;
}

/** Real time, or real time shifted so that start-up happens at CLOCK_NOW (demos, local runs). */
export function appClock(startAt?: string, realNow: () => number = Date.now): AppClock {
  let offset = startAt ? new Date(startAt).getTime() - realNow() : 0;
  return {
    now: () => new Date(realNow() + offset),
    setNow: (at) => {
      offset = at.getTime() - realNow();
    },
  };
}
