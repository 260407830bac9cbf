import express, { type Router } from 'express';
import { z } from 'zod';
import type { EmulatorStore } from '../store/emulatorStore';
import type { DriveLinks } from './driveLinks';
import type { FaultInjector } from './faults';
import type { Fidelity } from './fidelity';
import type { ResourceUnitMeter } from './resourceUnits';
import type { RequestLog } from './requestLog';
import type { SettableClock } from './clock';
import { messageJson } from '../routes/mailRoutes';
import { calendarSettingsSchema } from '../store/calendarSettingsStore';
import { calendarAdminRouter } from './calendarAdmin';

export interface AdminDeps {
  store: EmulatorStore;
  clock: SettableClock;
  faults: FaultInjector;
  requests: RequestLog;
  fidelity: Fidelity;
  meter: ResourceUnitMeter;
  links: DriveLinks;
}

/** Where drive items' webUrl points: `{filesWebBase}/{driveId}/{itemId}`; null: SharePoint-looking addresses. */
const filesWebSchema = z.strictObject({ filesWebBase: z.url({ protocol: /^https?$/ }).nullable() });
const clockSchema = z.strictObject({ now: z.iso.datetime({ offset: true }).nullable(), frozen: z.boolean().optional() });
/** A user of the tenant; its calendar settings (Teams, late links, working hours) change only where given. */
export const userSchema = z.strictObject({ id: z.string().min(1), displayName: z.string().min(1), mail: z.email(), ...calendarSettingsSchema.shape });
/** One user, or several at once (`{ value: [...] }`, as a start registers its service mailbox and staff). */
const usersSchema = z.union([userSchema, z.strictObject({ value: z.array(userSchema).min(1).max(1000) })]);

const parseJson = (body: unknown): unknown => {
  if (Buffer.isBuffer(body)) return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  return body ?? {};
};

/** Test and local-run controls under `/_emulator` (not Graph; same bearer token; never subject to faults). */
export const adminRouter = (deps: AdminDeps): Router => {
  const router = express.Router();
  const bad = (res: express.Response, message: string): void => {
    res.status(400).json({ error: { code: 'invalidRequest', message } });
  };
  const withBody = <T>(schema: z.ZodType<T>, handle: (value: T, res: express.Response) => void) =>
    (req: express.Request, res: express.Response): void => {
      let raw: unknown;
      try {
        raw = parseJson(req.body);
      } catch {
        bad(res, 'The body is not JSON.');
        return;
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        bad(res, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
        return;
      }
      handle(parsed.data, res);
    };

  router.get('/faults', (_req, res) => { res.json(deps.faults.current()); });
  const configureWith = (configure: (raw: unknown) => unknown) => (req: express.Request, res: express.Response): void => {
    let raw: unknown;
    try { raw = parseJson(req.body); } catch { bad(res, 'The body is not JSON.'); return; }
    try {
      res.json(configure(raw));
    } catch (e) {
      bad(res, e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') : String(e));
    }
  };
  router.put('/faults', configureWith((raw) => deps.faults.configure(raw)));

  router.get('/fidelity', (_req, res) => { res.json(deps.fidelity.current()); });
  router.put('/fidelity', configureWith((raw) => { deps.meter.reset(); return deps.fidelity.configure(raw); }));

  router.get('/requests', (_req, res) => { res.json(deps.requests.snapshot()); });
  router.post('/requests/reset', (_req, res) => { deps.requests.reset(); res.status(204).end(); });

  router.get('/files-web', (_req, res) => { res.json({ filesWebBase: deps.links.filesWebBase ?? null }); });
  router.put('/files-web', withBody(filesWebSchema, (value, res) => {
    deps.links.setFilesWebBase(value.filesWebBase ?? undefined);
    res.json({ filesWebBase: deps.links.filesWebBase ?? null });
  }));

  router.get('/clock', (_req, res) => { res.json(deps.clock.describe()); });
  router.put('/clock', withBody(clockSchema, (value, res) => {
    deps.clock.set(value.now === null ? undefined : new Date(value.now), value.frozen ?? false);
    res.json(deps.clock.describe());
  }));

  router.get('/mailbox', (_req, res) => {
    res.json({ value: deps.store.mail.all().map((m) => ({ ...messageJson(m, 'sentitems'), recipients: m.recipients, attachments: m.message.attachments ?? [] })) });
  });

  const withCalendar = (user: { mail: string }) => ({ ...user, calendar: deps.store.calendarSettings.of(user.mail) });
  const upsertUser = ({ id, displayName, mail, ...calendar }: z.infer<typeof userSchema>) => {
    const user = deps.store.users.upsert({ id, displayName, mail });
    deps.store.calendarSettings.merge(mail, calendar);
    return withCalendar(user);
  };
  router.get('/users', (_req, res) => { res.json({ value: deps.store.users.all().map(withCalendar) }); });
  router.post('/users', withBody(usersSchema, (value, res) => {
    if (!('value' in value)) { res.status(201).json(deps.store.transaction(() => upsertUser(value))); return; }
    res.status(201).json({ value: deps.store.transaction(() => value.value.map(upsertUser)) });
  }));
  router.use('/calendar', calendarAdminRouter(deps, { bad, body: (req) => parseJson(req.body) }));

  // Graph permissions the token is treated as lacking: the requests that need one answer 403 (a refused provisioning step, a site without its permission).
  router.get('/permissions', (_req, res) => { res.json({ denied: deps.store.deniedPermissions() }); });
  router.put('/permissions', withBody(z.strictObject({ denied: z.array(z.string().min(1)).max(50) }), (value, res) => {
    deps.store.setDeniedPermissions(value.denied);
    res.json({ denied: deps.store.deniedPermissions() });
  }));

  router.get('/site', (_req, res) => {
    const site = deps.store.defaultSite();
    res.json({ id: site.id, hostname: site.hostname, path: site.path });
  });

  router.post('/reset', (_req, res) => {
    deps.store.reset(deps.clock.now());
    deps.requests.reset();
    deps.faults.configure({});
    deps.fidelity.configure({});
    deps.meter.reset();
    res.status(204).end();
  });
  return router;
};
