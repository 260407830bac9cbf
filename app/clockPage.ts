import express, { type Request, type Response, type Router } from 'express';
import { jobWords, type Clock, type JobKind, type TickReport, type WorkflowDeps } from '../workflow';
import { clockHtml } from './clockHtml';
import { moveTarget } from './clockMove';
import type { EmbeddedTime } from './embeddedTime';

export const clockPath = '/demo/clock';
/** Jobs listed after a move (a tick takes at most 50). */
const listedAtMost = 50;

export interface ClockPageDeps {
  clock: Clock;
  time: EmbeddedTime;
  /** The jobs due, listed after a move (what the tick will take). */
  workflow: Pick<WorkflowDeps, 'jobs' | 'stores'>;
  /** Runs one tick of the jobs now; undefined when this instance runs no jobs (JOBS=off). */
  tick?: () => Promise<TickReport | undefined>;
}

/** What a move did: the time now, the jobs that were due, and what this instance's tick made of them. */
export interface MoveResult {
  now: string;
  due: { dueAt: string; kind: JobKind; what: string; reference?: string }[];
  ran?: TickReport;
  /** Why this instance ran nothing itself, when it did not. */
  note?: string;
}

const wantsJson = (req: Request): boolean => req.is('application/json') === 'application/json' || req.accepts(['html', 'json']) === 'json';

/** A form posted from another site (a page the person has open elsewhere) must not move the clock. */
const fromElsewhere = (req: Request): boolean => {
  const origin = req.get('origin');
  if (origin === undefined) return false; // a script, not a browser
  try {
    // An opaque origin ("null") is not a URL: refused.
    return new URL(origin).host !== req.get('host');
  } catch {
    return true;
  }
};

/**
 * `GET /demo/clock`: the time of this local run, with buttons to move it forward (an hour, a day,
 * a week, to a date); `POST` moves the app's and the embedded Graph's clocks together, runs one
 * tick of the jobs at once and shows what ran. JSON for scripts and tests: `POST {"by": "day"}`
 * or `{"to": "2026-10-19"}`; `GET` with `Accept: application/json`. Embedded Graph only, this
 * machine only (app/server.ts).
 */
export function clockPage(deps: ClockPageDeps): Router {
  const router = express.Router();
  const answer = (req: Request, res: Response, status: number, view: { moved?: MoveResult; problem?: string }) => {
    const now = deps.clock.now();
    if (wantsJson(req)) res.status(status).json(view.problem ? { error: view.problem, now: now.toISOString() } : { now: now.toISOString(), ...(view.moved ?? {}) });
    else res.status(status).type('html').send(clockHtml({ now, ...view }));
  };
  router.get('/', async (req, res, next) => {
    try {
      await deps.time.follow();
      answer(req, res, 200, {});
    } catch (error) {
      next(error);
    }
  });
  router.post('/', express.urlencoded({ extended: false, limit: '2kb' }), express.json({ limit: '2kb' }), async (req, res, next) => {
    try {
      if (fromElsewhere(req)) {
        answer(req, res, 403, { problem: 'The clock moves only from its own page on this machine.' });
        return;
      }
      await deps.time.follow();
      const target = moveTarget(req.body, deps.clock.now());
      if (!target.ok) {
        answer(req, res, 400, { problem: target.problem });
        return;
      }
      if (!(await deps.time.forward(target.to))) {
        answer(req, res, 400, { problem: 'The clock only moves forward, and another move got there first: look again.' });
        return;
      }
      const due = await dueNow(deps, target.to);
      const ran = deps.tick ? await deps.tick() : undefined;
      const note = ran ? undefined : deps.tick ? 'The tick failed (see the log): the next one, within a minute, tries again.' : 'This instance does not run jobs (JOBS=off): another instance runs them at its next tick, within a minute.';
      answer(req, res, 200, { moved: { now: deps.clock.now().toISOString(), due, ...(ran ? { ran } : {}), ...(note ? { note } : {}) } });
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** The jobs due by `now`, worded, with their case's reference. */
async function dueNow(deps: ClockPageDeps, now: Date): Promise<MoveResult['due']> {
  const jobs = await deps.workflow.jobs.due(now, listedAtMost);
  const caseIds = [...new Set(jobs.map((j) => j.payload.caseId).filter((id): id is string => id !== undefined))];
  const cases = await Promise.all(caseIds.map((id) => deps.workflow.stores.cases.get(id)));
  const references = new Map(cases.flatMap((c) => (c ? [[c.id, c.reference] as const] : [])));
  return jobs.map((j) => {
    const reference = references.get(j.payload.caseId ?? '');
    return { dueAt: j.dueAt, kind: j.kind, what: jobWords[j.kind], ...(reference ? { reference } : {}) };
  });
}
