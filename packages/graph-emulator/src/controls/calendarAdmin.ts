import express, { type Router } from 'express';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { eventJson, createEventSchema } from '../routes/calendar/eventShape';
import { linkHiddenNow, onlineMeetingOnCreate } from '../routes/calendar/onlineMeeting';
import { toUtc } from '../routes/timeZones';
import type { EmulatorStore } from '../store/emulatorStore';
import type { SettableClock } from './clock';

/** Events made at once, as a local run's demo diaries are (each a Graph event body plus its organiser). */
export const seedEventsSchema = z.strictObject({
  /** Seeding happens once per marker: a later start with the same marker changes nothing. */
  marker: z.string().min(1).max(200),
  events: z.array(z.looseObject({ organizer: z.email(), event: createEventSchema })).max(20_000),
});

const diaryQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  zone: z.string().default('Europe/London'),
});

const utcOf = (iso: string): string => new Date(iso).toISOString().replace(/\.000Z$/, 'Z');

const asUtc = (iso: string) => ({ dateTime: utcOf(iso).replace(/Z$/, ''), timeZone: 'UTC' });

/** A change its organiser makes in Outlook itself: a new time, or a cancellation (with its comment). */
const outlookChange = z.union([
  z.strictObject({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) }),
  z.strictObject({ cancel: z.string().max(10_000) }),
]);

/**
 * `/_emulator/calendar`: seeding demo diaries, and one mailbox's events as stored (cancelled ones too,
 * with their comment; reading here does not count as a read of a late Teams link).
 */
export const calendarAdminRouter = (
  deps: { store: EmulatorStore; clock: SettableClock },
  io: { bad: (res: express.Response, message: string) => void; body: (req: express.Request) => unknown },
): Router => {
  const { bad } = io;
  const router = express.Router();

  router.post('/seed', (req, res) => {
    let raw: unknown;
    try { raw = io.body(req); } catch { bad(res, 'The body is not JSON.'); return; }
    const parsed = seedEventsSchema.safeParse(raw);
    if (!parsed.success) { bad(res, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')); return; }
    const { marker, events } = parsed.data;
    const created = deps.store.transaction(() => {
      if (deps.store.hasMarker(`seed:${marker}`)) return 0;
      for (const { organizer, event } of events) {
        const user = deps.store.users.find(organizer);
        const address = (user?.mail ?? organizer).toLowerCase();
        deps.store.events.add({
          owner: address, startUtc: toUtc(event.start), endUtc: toUtc(event.end), at: deps.clock.now(),
          event: {
            ...event,
            organizer: { emailAddress: { name: user?.displayName ?? organizer, address } },
            ...onlineMeetingOnCreate(deps.store, address, event),
            iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(28).toString('hex').toUpperCase()}`,
          },
        });
      }
      deps.store.setMarker(`seed:${marker}`, deps.clock.now().toISOString());
      return events.length;
    });
    res.status(created > 0 ? 201 : 200).json({ marker, created });
  });

  // As the organiser would in Outlook, outside the product: the product finds it only by reading the calendar.
  router.post('/:user/events/:id', (req, res) => {
    const user = deps.store.users.find(req.params.user);
    const event = deps.store.events.get(req.params.id);
    if (!user || !event || event.owner !== user.mail.toLowerCase() || event.cancelled) {
      res.status(404).json({ error: { code: 'notFound', message: `No event '${req.params.id}' in the calendar of '${req.params.user}'.` } });
      return;
    }
    let raw: unknown;
    try { raw = io.body(req); } catch { bad(res, 'The body is not JSON.'); return; }
    const parsed = outlookChange.safeParse(raw);
    if (!parsed.success) { bad(res, 'Send {"start","end"} (ISO instants) to move the event, or {"cancel": "comment"} to cancel it.'); return; }
    const change = parsed.data;
    const at = deps.clock.now();
    const stored = 'cancel' in change
      ? deps.store.events.cancel(event.id, change.cancel, at)
      : deps.store.events.update(event.id, { startUtc: utcOf(change.start), endUtc: utcOf(change.end), event: { ...event.event, start: asUtc(change.start), end: asUtc(change.end) }, at });
    res.json(eventJson(stored, 'UTC', { reader: stored.owner, linkHidden: linkHiddenNow(stored) }));
  });

  router.get('/:user', (req, res) => {
    const user = deps.store.users.find(req.params.user);
    if (!user) { res.status(404).json({ error: { code: 'notFound', message: `No user '${req.params.user}'.` } }); return; }
    const query = diaryQuery.safeParse(req.query);
    if (!query.success) { bad(res, query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')); return; }
    const address = user.mail.toLowerCase();
    const events = deps.store.events.involving(address, utcOf(query.data.from), utcOf(query.data.to), { includeCancelled: true });
    res.json({
      user: { ...user, calendar: deps.store.calendarSettings.of(address) },
      value: events.map((e) => ({
        ...eventJson(e, query.data.zone, { reader: address, linkHidden: linkHiddenNow(e) }),
        cancellation: e.cancelled,
      })),
    });
  });
  return router;
};
