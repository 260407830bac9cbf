import type { Case } from '../../model/case';
import type { Child } from '../../model/child';
import type { CaseRecord } from '../../model/records';
import type { School } from '../../model/school';
import { escapeHtml } from '../steps/requestInformation';
import { readableDate } from '../../calendar';
import { destinationLabels, labelOf } from '../../labels';

/**
 * The End of Outreach Report as a simple HTML document (the documents work will replace it with
 * the service's template). It names the child: it goes to the school and the child's folder only.
 */
export function endOfOutreachReport(c: Case, child: Child, school: School, records: CaseRecord[], serviceName: string): string {
  const review = records.filter((r) => r.body.kind === 'review').at(-1);
  const sessions = records.filter((r) => r.body.kind === 'support-session').length;
  const rows: Array<[string, string]> = [
    ['Case reference', c.reference],
    ['Pupil', `${child.firstName} ${child.lastName}`],
    ['School', school.name],
    ['Referred', readableDate(c.referralDate)],
    ['Support sessions', String(sessions)],
    ['Review held', review?.body.kind === 'review' ? readableDate(review.body.heldOn) : 'not recorded'],
    ['Outcome', review?.body.kind === 'review' ? review.body.summary : ''],
    ['Destination', review?.body.kind === 'review' ? labelOf(destinationLabels, review.body.destination) : ''],
  ];
  const table = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>End of Outreach Report ${escapeHtml(c.reference)}</title></head><body><h1>${escapeHtml(serviceName)}: End of Outreach Report</h1><table>${table}</table></body></html>`;
}
