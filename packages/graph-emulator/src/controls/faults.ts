import { z } from 'zod';
import { seededRandom } from './seededRandom';

/** Dev Proxy-style fault settings. Faults never apply to the `/_emulator` controls. */
export const faultSettingsSchema = z.strictObject({
  /** Share of Graph requests answered with one of `statuses` instead of being served. */
  rate: z.number().min(0).max(1).default(0),
  statuses: z.array(z.union([z.literal(429), z.literal(503), z.literal(504)])).min(1).default([429, 503]),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** Added to every Graph request before it is served. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  /** Share of writes that commit and then answer 503 (so a blind retry duplicates them). */
  failAfterCommitRate: z.number().min(0).max(1).default(0),
  /**
   * Sustained throttling: for this many seconds from now every Graph request, `$batch` itself included,
   * answers 429 with a Retry-After of the seconds left (as SharePoint does when an app is over its budget).
   */
  throttleForSeconds: z.number().int().min(0).max(3600).default(0),
  /** Seed for reproducible draws; absent = Math.random. */
  seed: z.number().int().optional(),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export interface InjectedFault {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds: number;
}

export class FaultInjector {
  private settings: FaultSettings = faultSettingsSchema.parse({});
  private random: () => number = Math.random;
  private throttledUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  configure(input: unknown): FaultSettings {
    this.settings = faultSettingsSchema.parse(input);
    this.throttledUntil = this.settings.throttleForSeconds > 0 ? this.now() + this.settings.throttleForSeconds * 1000 : 0;
    this.random = this.settings.seed === undefined ? Math.random : seededRandom(this.settings.seed);
    return this.current();
  }

  current(): FaultSettings {
    return { ...this.settings, statuses: [...this.settings.statuses] };
  }

  latencyMs(): number {
    return this.settings.latencyMs;
  }

  /** While sustained throttling lasts: the 429 to answer, with the seconds left as Retry-After. */
  sustainedThrottle(): InjectedFault | undefined {
    const left = this.throttledUntil - this.now();
    if (left <= 0) return undefined;
    return { status: 429, code: 'TooManyRequests', message: 'The request has been throttled. Retry after the time in Retry-After.', retryAfterSeconds: Math.ceil(left / 1000) };
  }

  /** A fault to answer instead of serving the request, or undefined to serve it. */
  beforeServing(): InjectedFault | undefined {
    if (this.settings.rate <= 0 || this.random() >= this.settings.rate) return undefined;
    const statuses = this.settings.statuses;
    const status = statuses[Math.floor(this.random() * statuses.length)] ?? 429;
    return status === 429
      ? { status, code: 'TooManyRequests', message: 'Too many requests. Retry after the time in Retry-After.', retryAfterSeconds: this.settings.retryAfterSeconds }
      : { status, code: 'serviceNotAvailable', message: 'The service is temporarily unavailable.', retryAfterSeconds: this.settings.retryAfterSeconds };
  }

  /** After a write committed: a 503 to answer although the write is stored, or undefined. */
  afterCommit(): InjectedFault | undefined {
    if (this.settings.failAfterCommitRate <= 0 || this.random() >= this.settings.failAfterCommitRate) return undefined;
    return { status: 503, code: 'serviceNotAvailable', message: 'The service is temporarily unavailable.', retryAfterSeconds: this.settings.retryAfterSeconds };
  }
}
