import type { EmbeddedGraph } from '@outreach/graph-emulator';
import type { AppClock } from './clock';
import type { AppLogger } from './logger';

/** Differences smaller than this are the time a request takes, not a move. */
const toleranceMs = 1000;

/**
 * The app's time and the embedded Graph's, kept together (local runs only). The emulator's clock
 * is the one both instances of a local run can see, so it is the shared one: each instance
 * follows it, and a move sets it first. Time only moves forward: a job claimed under a lease, a
 * record dated "today" or a mail's timestamp would make no sense after a step back.
 */
export interface EmbeddedTime {
  /**
   * Reads the emulator's clock: ahead of this instance (another one moved it), this instance
   * follows; behind (the emulator was restarted), it is set to this instance's time.
   */
  follow(): Promise<void>;
  /** Moves both clocks to `to`; refused (false) when `to` is not after the time now. */
  forward(to: Date): Promise<boolean>;
}

/**
 * At start-up: an emulator whose clock was already set (another instance, an earlier move) is
 * followed; otherwise, with CLOCK_NOW, the emulator is set to it, so both agree from the start.
 */
export async function startEmbeddedTime(clock: AppClock, embedded: Pick<EmbeddedGraph, 'clock' | 'setClock'>, clockNowGiven: boolean, logger: AppLogger): Promise<EmbeddedTime> {
  const theirs = await embedded.clock();
  if (!theirs.real) {
    clock.setNow(new Date(theirs.now));
    logger.info({ now: theirs.now, clockNowIgnored: clockNowGiven }, 'the embedded Graph\'s clock was already set: this instance follows it');
  } else if (clockNowGiven) {
    await embedded.setClock(clock.now());
  }
  const follow = async (): Promise<void> => {
    const at = new Date((await embedded.clock()).now);
    const ahead = at.getTime() - clock.now().getTime();
    if (ahead > toleranceMs) clock.setNow(at);
    else if (ahead < -toleranceMs) await embedded.setClock(clock.now());
  };
  return {
    follow,
    async forward(to) {
      await follow();
      if (to.getTime() <= clock.now().getTime()) return false;
      await embedded.setClock(to);
      clock.setNow(to);
      logger.info({ now: to.toISOString() }, 'the clock was moved forward (app and embedded Graph)');
      return true;
    },
  };
}
