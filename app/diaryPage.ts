import type { RequestHandler } from 'express';
import { DateTime } from 'luxon';
import type { EmbeddedGraph } from '@outreach/graph-emulator';
import type { Clock, Staff } from '../workflow';
import { diaryHtml, escapeHtml } from './diaryHtml';

export const diaryPath = '/demo/diary';

export interface DiaryPageDeps {
  embedded: Pick<EmbeddedGraph, 'diary'>;
  /** The staff picker (active staff first). */
  staff: () => Promise<ReadonlyArray<Pick<Staff, 'displayName' | 'email' | 'active'>>>;
  clock: Clock;
}

const page = (status: number, title: string, text: string) => ({ status, html: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>` });

/**
 * `GET /demo/diary?user=<email or id>&week=YYYY-MM-DD`: a member of staff's week as the embedded Graph holds
 * it (events, Teams links or "Teams link pending", attendees, private, cancelled struck through). Mounted only
 * with the embedded Graph, and answering this machine only (app/server.ts).
 */
export const diaryPage = (deps: DiaryPageDeps): RequestHandler => async (req, res, next) => {
  try {
    const staff = [...(await deps.staff())].sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName));
    const user = typeof req.query.user === 'string' && req.query.user.length > 0 ? req.query.user : staff[0]?.email;
    const weekParam = typeof req.query.week === 'string' ? req.query.week : undefined;
    const day = weekParam ? DateTime.fromISO(weekParam, { zone: 'Europe/London' }) : DateTime.fromJSDate(deps.clock.now(), { zone: 'Europe/London' });
    const answer = !user
      ? page(404, 'No staff', 'There is no member of staff to show.')
      : !day.isValid || (weekParam !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(weekParam))
        ? page(400, 'Not a date', 'week must be a date like 2026-03-02.')
        : undefined;
    if (answer || !user) {
      res.status(answer?.status ?? 404).type('html').send(answer?.html);
      return;
    }
    const monday = day.startOf('week');
    const diary = await deps.embedded.diary(user, monday.toJSDate(), monday.plus({ weeks: 1 }).toJSDate());
    if (!diary) {
      const missing = page(404, 'No such member of staff', `The embedded Graph has no user ${user}.`);
      res.status(missing.status).type('html').send(missing.html);
      return;
    }
    res.type('html').send(diaryHtml({ diary, monday: monday.toISODate() as string, staff: staff.filter((s) => s.active) }));
  } catch (error) {
    next(error);
  }
};
