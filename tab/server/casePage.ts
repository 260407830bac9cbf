import type { RequestHandler } from 'express';
import { contractApprovers } from '../../bot/cards/views/contractApprovers';
import { contractStatus } from '../../bot/cards/views/contractApprovalCard';
import {
  contractStatusLabels,
  dateHappened,
  labelOf,
  ListItemId,
  meetingLabels,
  readableDateTime,
  recordKindLabels,
  recordText,
  stepNumbers,
  steps,
  viewCase,
  type CaseRecord,
  type CaseView,
  type Staff,
  type WorkflowDeps,
} from '../../workflow';
import type { CasePage } from '../contract/api';
import { badInput, refused, send } from './answers';
import { staffOf } from './signedIn';

const meetingStatusLabels: Record<string, string> = { proposed: 'Proposed', booked: 'Booked', moved: 'Moved', cancelled: 'Cancelled', held: 'Held' };

/** GET /cases/:caseId: the case page, from the same view of the case as its card (viewCase: checked and audited). */
export function casePageRoute(workflow: WorkflowDeps): RequestHandler {
  return async (req, res) => {
    const caseId = ListItemId.safeParse(req.params.caseId);
    if (!caseId.success) return badInput(res, 'path', caseId.error);
    const actor = staffOf(res);
    const page = await workflow.batching.oneAction(async () => {
      const view = await viewCase(workflow, actor, { caseId: caseId.data });
      return view.ok ? { ok: true as const, page: await casePage(workflow, actor, view.value) } : view;
    });
    if (!page.ok) return refused(res, page.error);
    send<CasePage>(res, page.page);
  };
}

async function casePage(workflow: WorkflowDeps, actor: Staff, view: CaseView): Promise<CasePage> {
  const staff = await workflow.stores.staff.list();
  const names = new Map(staff.map((s) => [s.userId, s.displayName]));
  const nameOf = (userId: string | undefined) => (userId ? (names.get(userId) ?? 'someone no longer on the Staff list') : 'nobody yet');
  const c = view.case;
  const ctx = { deps: workflow, actor };
  const contracts = await Promise.all(
    [...view.contracts].sort((a, b) => b.version - a.version).map(async (k) => {
      const awaiting = k.status === 'awaiting-approval' ? (await contractApprovers(ctx, k)).status : '';
      return {
        contractId: k.id,
        version: k.version,
        status: labelOf(contractStatusLabels, k.status),
        approval: contractStatus(k, nameOf, awaiting).text,
        startDate: k.startDate,
        reviewDate: k.reviewDate,
        supportEnds: k.supportEnds,
        targets: k.targets,
      };
    }),
  );
  return {
    caseId: c.id,
    reference: c.reference,
    childName: view.child ? `${view.child.firstName} ${view.child.lastName}` : '',
    schoolName: view.school?.name ?? '',
    ...(c.workerId ? { workerName: nameOf(c.workerId) } : {}),
    status: c.status,
    statusLine: view.progress.statusLine,
    nextAction: view.progress.nextAction,
    steps: stepsOf(view),
    chronology: newestFirst(view.records).map((r) => {
      const url = urlOf(r);
      return {
        recordId: r.id,
        date: dateHappened(r),
        kind: r.body.kind,
        title: `${r.body.kind === 'document' ? r.body.title : labelOf(recordKindLabels, r.body.kind)}${r.safeguarding && r.body.kind !== 'safeguarding-concern' ? ' (safeguarding concern)' : ''}`,
        summary: recordText(r.body),
        by: `${nameOf(r.createdBy)}, ${readableDateTime(r.createdAt)}`,
        ...(url ? { url } : {}),
      };
    }),
    contracts,
    meetings: view.meetings.map((m) => ({
      meetingId: m.id,
      label: meetingLabels[m.kind],
      status: meetingStatusLabels[m.status] ?? m.status,
      start: m.start,
      end: m.end,
      online: m.online,
      ...(m.joinUrl ? { joinUrl: m.joinUrl } : {}),
      ...(m.location ? { location: m.location } : {}),
    })),
    // As on the caseload: a case that draws on no package yet has no hours to show.
    ...(view.packageHours && view.case.purchaseIds.length > 0 ? { hours: view.packageHours } : {}),
    asDsl: view.asDsl === true,
  };
}

/** The ten steps: those before the case's step done (with when, where a milestone says), its step current, the rest next. */
function stepsOf(view: CaseView): CasePage['steps'] {
  const c = view.case;
  const m = c.milestones;
  const approved = view.contracts.find((k) => k.id === c.contractInForce?.contractId)?.decisions.filter((d) => d.outcome === 'approved').at(-1)?.at;
  const at: Partial<Record<number, string | undefined>> = {
    1: c.createdAt,
    2: m.informationReturned?.at,
    3: m.firstObservation?.at,
    4: m.schoolMeeting?.at,
    5: m.homeVisit?.at,
    6: m.furtherObservation?.at,
    7: approved,
    8: m.supportStarted?.at,
    9: m.lastReview?.at,
    10: c.closure?.on,
  };
  const current = view.progress.step;
  const closed = c.status === 'closed';
  return stepNumbers.map((n) => {
    const state = closed || n < current ? 'done' : n === current ? 'current' : 'next';
    const when = state === 'done' ? at[n] : undefined;
    return { number: n, name: steps[n].name, state, ...(when ? { at: when } : {}) };
  });
}

/** Newest first by the date each happened; the same day, the last recorded first. */
function newestFirst<R extends CaseRecord>(records: readonly R[]): R[] {
  return [...records].sort((a, b) => dateHappened(b).localeCompare(dateHappened(a)) || b.createdAt.localeCompare(a.createdAt));
}

/** The document a record opens: a filed document, a report, a returned form as the school sent it. */
function urlOf(r: CaseRecord): string | undefined {
  const body = r.body;
  if (body.kind === 'document') return body.fileUrl;
  if (body.kind === 'report' || body.kind === 'information-returned') return body.fileUrl || undefined;
  return undefined;
}
