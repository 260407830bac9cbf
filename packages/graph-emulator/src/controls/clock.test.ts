import { SettableClock } from './clock';

describe('the settable clock', () => {
  it('keeps running from a set instant unless frozen, and goes back to real time when cleared', () => {
    let real = 1_000_000;
    const clock = new SettableClock(() => real);
    clock.set(new Date('2026-01-01T00:00:00Z'));
    real += 5000;
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:05.000Z');
    clock.set(new Date('2026-01-01T00:00:00Z'), true);
    real += 5000;
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    clock.set(undefined);
    expect(clock.now().getTime()).toBe(real);
  });
});
