import type { RequestHandler } from 'express';
import { caseloadPage, EntraObjectId, jobWords, meetingLabels, seesAllCases, type CaseloadRow, type WorkflowDeps } from '../../workflow';
import { CaseloadQuery, type CaseRow, type Caseload, type Me, type NextMeeting } from '../contract/api';
import { badInput, refused, send } from './answers';
import { staffOf } from './signedIn';

const Query = CaseloadQuery.extend({ worker: EntraObjectId.optional() }).strict();

/** GET /cases: the caseload, a page at a time (see caseloadPage). */
export function caseloadRoute(workflow: WorkflowDeps): RequestHandler {
  return async (req, res) => {
    const query = Query.safeParse(req.query);
    if (!query.success) return badInput(res, 'query', query.error);
    const page = await workflow.batching.oneAction(() => caseloadPage(workflow, staffOf(res), query.data));
    if (!page.ok) return refused(res, page.error);
    const { rows, total, workers } = page.value;
    send<Caseload>(res, {
      rows: rows.map(caseRow),
      page: page.value.page,
      pageSize: page.value.pageSize,
      total,
      workers: workers.map((w) => ({ userId: w.userId, displayName: w.displayName })),
    });
  };
}

function caseRow(row: CaseloadRow): CaseRow {
  const c = row.case;
  const meeting = row.nextMeeting;
  const next: NextMeeting | undefined = meeting && {
    kind: meeting.kind,
    label: meetingLabels[meeting.kind],
    start: meeting.start,
    end: meeting.end,
    online: meeting.online,
    ...(meeting.joinUrl ? { joinUrl: meeting.joinUrl } : {}),
    ...(meeting.location ? { location: meeting.location } : {}),
  };
  return {
    caseId: c.id,
    reference: c.reference,
    childName: row.childName,
    schoolName: row.schoolName,
    ...(c.workerId ? { workerId: c.workerId } : {}),
    ...(row.worker ? { workerName: row.worker.displayName } : {}),
    status: c.status,
    referralDate: c.referralDate,
    step: row.progress.step,
    stepName: row.progress.stepName,
    statusLine: row.progress.statusLine,
    nextAction: row.progress.nextAction,
    ...(next ? { nextMeeting: next } : {}),
    ...(row.hours ? { hours: row.hours } : {}),
    due: row.due.map((d) => ({ what: jobWords[d.kind], dueAt: d.dueAt, overdue: d.overdue })),
  };
}

/** GET /me. */
export function meRoute(demo: boolean): RequestHandler {
  return (_req, res) => {
    const staff = staffOf(res);
    send<Me>(res, { userId: staff.userId, displayName: staff.displayName, roles: staff.roles, seesAllCases: seesAllCases(staff), demo });
  };
}
