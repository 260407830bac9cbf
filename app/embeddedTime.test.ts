import { appClock } from './clock';
import { createLogger } from './logger';
import { startEmbeddedTime } from './embeddedTime';

const silent = createLogger({ logLevel: 'silent' });

/** The embedded Graph's clock as its admin API behaves: real time until set, then running on from the time set. */
function fakeEmulator(real: () => number) {
  let offset: number | undefined;
  const now = () => new Date(real() + (offset ?? 0));
  const describe = () => ({ now: now().toISOString(), frozen: false, real: offset === undefined });
  return {
    clock: async () => describe(),
    setClock: async (at: Date) => {
      offset = at.getTime() - real();
      return describe();
    },
    restart: () => {
      offset = undefined;
    },
    now,
  };
}

describe('the app\'s clock and the embedded Graph\'s, together', () => {
  let realMs = Date.parse('2026-12-02T12:00:00Z');
  const real = () => realMs;
  beforeEach(() => {
    realMs = Date.parse('2026-12-02T12:00:00Z');
  });

  it('with CLOCK_NOW, a fresh embedded Graph is set to it at start-up, and both run on together', async () => {
    const emulator = fakeEmulator(real);
    const clock = appClock('2026-03-04T12:00:00Z', real);
    await startEmbeddedTime(clock, emulator, true, silent);
    expect(emulator.now().toISOString()).toBe('2026-03-04T12:00:00.000Z');
    realMs += 60_000;
    expect(clock.now().toISOString()).toBe('2026-03-04T12:01:00.000Z');
    expect(emulator.now().toISOString()).toBe('2026-03-04T12:01:00.000Z');
  });

  it('without CLOCK_NOW, both stay on real time', async () => {
    const emulator = fakeEmulator(real);
    const clock = appClock(undefined, real);
    await startEmbeddedTime(clock, emulator, false, silent);
    expect(await emulator.clock()).toMatchObject({ real: true });
    expect(clock.now().toISOString()).toBe('2026-12-02T12:00:00.000Z');
  });

  it('forward moves both; backwards and now are refused and move nothing', async () => {
    const emulator = fakeEmulator(real);
    const clock = appClock('2026-03-04T12:00:00Z', real);
    const time = await startEmbeddedTime(clock, emulator, true, silent);
    expect(await time.forward(new Date('2026-03-11T12:00:00Z'))).toBe(true);
    expect([clock.now().toISOString(), emulator.now().toISOString()]).toEqual(['2026-03-11T12:00:00.000Z', '2026-03-11T12:00:00.000Z']);
    expect(await time.forward(new Date('2026-03-10T12:00:00Z'))).toBe(false);
    expect(await time.forward(new Date('2026-03-11T12:00:00Z'))).toBe(false);
    expect(clock.now().toISOString()).toBe('2026-03-11T12:00:00.000Z');
  });

  it('two instances on one embedded Graph: the second follows the clock the first set; a move by either is seen by the other at its next look', async () => {
    const emulator = fakeEmulator(real);
    const a = appClock('2026-03-04T12:00:00Z', real);
    const timeA = await startEmbeddedTime(a, emulator, true, silent);
    realMs += 5 * 60_000;
    // B started later, with its own CLOCK_NOW: the shared clock wins.
    const b = appClock('2026-01-01T00:00:00Z', real);
    const timeB = await startEmbeddedTime(b, emulator, true, silent);
    expect(b.now().toISOString()).toBe('2026-03-04T12:05:00.000Z');
    await timeA.forward(new Date('2026-03-09T08:00:00Z'));
    expect(b.now().toISOString()).toBe('2026-03-04T12:05:00.000Z');
    await timeB.follow();
    expect(b.now().toISOString()).toBe('2026-03-09T08:00:00.000Z');
    await timeB.forward(new Date('2026-03-10T08:00:00Z'));
    await timeA.follow();
    expect(a.now().toISOString()).toBe('2026-03-10T08:00:00.000Z');
  });

  it('an embedded Graph restarted (its clock back on real time, behind) is set to the app\'s time again, never the app moved back', async () => {
    const emulator = fakeEmulator(real);
    const clock = appClock(undefined, real);
    const time = await startEmbeddedTime(clock, emulator, false, silent);
    await time.forward(new Date('2027-01-04T08:00:00Z'));
    emulator.restart();
    await time.follow();
    expect(clock.now().toISOString()).toBe('2027-01-04T08:00:00.000Z');
    expect(emulator.now().toISOString()).toBe('2027-01-04T08:00:00.000Z');
  });
});
