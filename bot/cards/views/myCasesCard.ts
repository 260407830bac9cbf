import { listMyCases, steps, type Case, type StepNumber } from '../../../workflow';
import type { AdaptiveCardJson, CardContext } from '../card';
import { viewVerbs } from '../forms/formNames';
import { composeCard, outcomeCard } from '../outcomes';
import myCasesTemplate from '../templates/myCases.json';
import { expandFragment } from '../template';

/** Keeps the card well under Teams' 28 KB; the tab lists everything. */
const shownAtMost = 25;

export async function myCasesCard(ctx: CardContext, note = ''): Promise<AdaptiveCardJson> {
  const found = await listMyCases(ctx.deps, ctx.actor, shownAtMost);
  if (!found.ok) return outcomeCard({ headline: 'Your cases could not be listed', tone: 'attention', detail: found.error.message });
  const { total, shown } = found.value;
  const rows = shown.map(({ case: c, child }) => {
    const step = Math.min(Math.max(c.step, 1), 10) as StepNumber;
    return {
      caseId: c.id,
      reference: c.reference,
      who: child ? `${child.firstName} ${child.lastName}` : '',
      status: statusLabel(c),
      statusColour: c.status === 'paused' ? 'Warning' : 'Good',
      step,
      stepName: steps[step].name,
    };
  });
  const more = total > shownAtMost ? `Showing ${shownAtMost} of ${total}: type "case <reference>" to open any case.` : '';
  const title = total === 0 ? 'No open cases' : `${total} open ${total === 1 ? 'case' : 'cases'}`;
  return composeCard({
    body: expandFragment<unknown[]>(myCasesTemplate, { title, note: [note, more].filter((s) => s !== '').join(' '), cases: rows }),
    actions: [{ type: 'Action.Execute', title: 'New referral', verb: viewVerbs.newReferral, data: {}, associatedInputs: 'none' }],
  });
}

const statusLabel = (c: Case): string => (c.status === 'paused' ? 'Paused' : 'Open');
