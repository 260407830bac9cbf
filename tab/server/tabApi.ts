import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { CaseLocks, WorkflowDeps } from '../../workflow';
import type { ApiError, DemoStaff } from '../contract/api';
import { fromLoopback, send } from './answers';
import { caseCardRoute, cardActionRoute } from './cardRoutes';
import { casePageRoute } from './casePage';
import { caseloadRoute, meRoute } from './caseloadRoute';
import { tabPersonLimit } from './personLimit';
import { settingsRouter } from './settingsRoutes';
import { signedIn } from './signedIn';
import type { TabAuth } from './tabAuth';
import type { TabLog } from './tabLog';
import { tabPages } from './tabPages';

export interface TabDeps {
  workflow: WorkflowDeps;
  auth: TabAuth;
  log: TabLog;
  /** Requests a minute one member of staff may make to the API (as the bot's per-person limit). */
  perPersonPerMinute: number;
  /** The bot's lock of cases (the same instance), so a submit from the tab and one from chat take turns. */
  caseLocks: CaseLocks;
  /** Subjects an action changed: the app redraws the copies of their cards in chat. */
  onChanged?: (changed: readonly string[]) => void;
  /** The built browser app (tab/client/dist). */
  clientDist: string;
  /** More API routes, mounted after sign-in and the per-person limit (`res.locals.staff` is set): the folder routes. */
  signedInRoutes?: readonly (Router | RequestHandler)[];
}

export const tabPath = '/tab';

/**
 * The Teams tab: its JSON API under /tab/api (contract: tab/contract/api.ts) and its pages under
 * /tab. Every API route but the demo staff list needs a sign-in and is under a per-person limit
 * (the app puts the per-address limit in front of the whole mount).
 */
export function tabApp(deps: TabDeps): { path: string; router: Router } {
  const { workflow, auth, log } = deps;
  const api = express.Router();
  const demo = auth.mode === 'embedded-dev';
  // For the demo sign-in's picker, before anyone is signed in: the embedded Graph only, from this machine only.
  api.get('/demo/staff', async (req, res) => {
    if (!demo || !fromLoopback(req)) {
      const body: ApiError = { error: 'There is no demo sign-in here: sign in through the app in Teams.', code: 'NotFound' };
      return void res.status(404).json(body);
    }
    const staff = await workflow.stores.staff.find({ active: true });
    send<DemoStaff>(res, { staff: staff.sort((a, b) => a.displayName.localeCompare(b.displayName)).map((s) => ({ userId: s.userId, displayName: s.displayName, roles: s.roles })) });
  });
  const cards = { workflow, log, caseLocks: deps.caseLocks, ...(deps.onChanged ? { onChanged: deps.onChanged } : {}) };
  const me = express.Router();
  me.use(signedIn(auth, workflow.stores.staff), tabPersonLimit(deps.perPersonPerMinute, log));
  me.get('/me', meRoute(demo));
  me.get('/cases', caseloadRoute(workflow));
  me.get('/cases/:caseId', casePageRoute(workflow));
  me.get('/cases/:caseId/card', caseCardRoute(cards));
  me.post('/cards/action', express.json({ limit: '256kb' }), cardActionRoute(cards));
  // The settings pages: staff, schools, purchases, price lists, term dates, the team channel.
  me.use(settingsRouter(workflow));
  for (const routes of deps.signedInRoutes ?? []) me.use(routes);
  api.use(me);
  api.use((req, res) => {
    const body: ApiError = { error: `There is no ${req.method} ${req.baseUrl}${req.path} in the tab's API.`, code: 'NotFound' };
    res.status(404).json(body);
  });
  api.use(jsonProblems);

  const router = express.Router();
  router.use('/api', api);
  router.use(tabPages(deps.clientDist));
  return { path: tabPath, router };
}

/** A body that is not JSON, or too large: 400 / 413 in words (anything else goes to the app's error handler). */
const jsonProblems: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const type = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
  if (type === 'entity.parse.failed') return void res.status(400).json({ error: 'Check the body: it is not JSON.', code: 'ValidationFailed' } satisfies ApiError);
  if (type === 'entity.too.large') return void res.status(413).json({ error: 'The body is too large.', code: 'TooLarge' } satisfies ApiError);
  next(err);
};
