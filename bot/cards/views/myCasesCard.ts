import { caseProgress, listMyCases, type ListedCase } from '../../../workflow';
import type { AdaptiveCardJson, CardContext } from '../card';
import { todayIn } from '../format';
import { viewVerbs } from '../forms/formNames';
import { composeCard, outcomeCard } from '../outcomes';
import myCasesTemplate from '../templates/myCases.json';
import { expandFragment } from '../template';

/** Keeps the card well under Teams' 28 KB; the tab lists everything. */
const shownAtMost = 25;

const closedTitle = 'Closed in the last 12 months';

export async function myCasesCard(ctx: CardContext, note = ''): Promise<AdaptiveCardJson> {
  const found = await listMyCases(ctx.deps, ctx.actor, shownAtMost);
  if (!found.ok) return outcomeCard({ headline: 'Your cases could not be listed', tone: 'attention', detail: found.error.message });
  const { total, shown, closedTotal, closed } = found.value;
  const more = total > shownAtMost ? `Showing ${shownAtMost} of ${total}: type "case <reference>" to open any case.` : '';
  const title = total === 0 ? 'No open cases' : `${total} open ${total === 1 ? 'case' : 'cases'}`;
  const closedMore = closedTotal > shownAtMost ? `Showing the latest ${shownAtMost} of ${closedTotal}.` : '';
  const today = todayIn(ctx.deps.clock.now());
  const closedSection = closedTotal === 0 ? [] : section(`${closedTitle} (${closedTotal})`, closedMore, closed, today);
  return composeCard({
    body: [...section(title, [note, more].filter((s) => s !== '').join(' '), shown, today), ...closedSection],
    actions: [{ type: 'Action.Execute', title: 'New referral', verb: viewVerbs.newReferral, data: {}, associatedInputs: 'none' }],
  });
}

function section(title: string, note: string, listed: ListedCase[], today: string): unknown[] {
  return expandFragment<unknown[]>(myCasesTemplate, { title, note, cases: listed.map((l) => row(l, today)) });
}

/** A case's line: its status line from caseProgress (the list reads no contracts: they only word step 7's next action). */
function row({ case: c, child }: ListedCase, today: string) {
  const statuses = { open: ['Open', 'Good'], paused: ['Paused', 'Warning'], closed: ['Closed', 'Default'] } as const;
  const [status, statusColour] = statuses[c.status];
  return {
    caseId: c.id,
    reference: c.reference,
    who: child ? `${child.firstName} ${child.lastName}` : '',
    status,
    statusColour,
    line: caseProgress(c, [], today).statusLine,
  };
}
