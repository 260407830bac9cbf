import type { Clock } from '../../../workflow';

/** A clock that stands still until a test sets or advances it. */
export class FixedClock implements Clock {
  private instant: number;

  constructor(iso = '2026-09-14T09:00:00Z') {
    this.instant = instantOf(iso);
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(iso: string): void {
    this.instant = instantOf(iso);
  }

  advance(ms: number): void {
    this.instant += ms;
  }
}

function instantOf(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`FixedClock: "${iso}" is not a date and time`);
  return ms;
}
