import { readableDateTime } from '../workflow';
import { escapeHtml } from './diaryHtml';
import type { MoveResult } from './clockPage';

/** The clock page: the time of this local run, the moves, and what the last move ran (every value escaped). */
export function clockHtml(view: { now: Date; moved?: MoveResult; problem?: string }): string {
  const now = readableDateTime(view.now.toISOString());
  const problem = view.problem ? `<p class="problem" role="alert">${escapeHtml(view.problem)}</p>` : '';
  const moved = view.moved ? resultHtml(view.moved) : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Clock: ${escapeHtml(now)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:50rem}form{margin:.6rem 0}button{margin-right:.4rem}.problem{color:#a00;font-weight:600}li{margin:.3rem 0}</style></head>
<body><h1>It is ${escapeHtml(now)} (UK time)</h1>
<p><small>The clock of this local run: the app's and the embedded Graph's, moved together. Forward only. Local runs only.</small></p>
${problem}
<form method="post" action="/demo/clock">Forward <button name="by" value="hour">1 hour</button><button name="by" value="day">1 day</button><button name="by" value="week">1 week</button></form>
<form method="post" action="/demo/clock"><label>Forward to <input type="datetime-local" name="to" required></label> <button>Move</button> <small>(UK time; a date alone means 08:00)</small></form>
${moved}
<p><a href="/demo/diary">Diaries</a></p></body></html>`;
}

function resultHtml(moved: MoveResult): string {
  const due = moved.due.map((j) => `<li>${escapeHtml(readableDateTime(j.dueAt))}: ${escapeHtml(j.what)}${j.reference ? ` (${escapeHtml(j.reference)})` : ''}</li>`).join('');
  const ran = moved.ran
    ? `This instance ran ${moved.ran.claimed} of them: ${moved.ran.done} done, ${moved.ran.later} to run again later, ${moved.ran.retried} failed and to be tried again, ${moved.ran.failed} gave up.`
    : (moved.note ?? '');
  const list = moved.due.length === 0 ? '<p>No job was due.</p>' : `<p>${moved.due.length} ${moved.due.length === 1 ? 'job was' : 'jobs were'} due:</p><ul>${due}</ul><p>${escapeHtml(ran)}</p>`;
  return `<section><h2>Moved forward to ${escapeHtml(readableDateTime(moved.now))}</h2>${list}<p><small>Notifications went to the chats as usual; more jobs than one tick takes run at the next ticks, once a minute.</small></p></section>`;
}
