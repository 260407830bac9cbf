import { myCases, steps, type Case, type StepNumber } from '../../../workflow';
import type { AdaptiveCardJson, CardContext } from '../card';
import { viewVerbs } from '../forms/formNames';
import { composeCard, outcomeCard } from '../outcomes';
import myCasesTemplate from '../templates/myCases.json';
import { expandFragment } from '../template';

/** Keeps the card well under Teams' 28 KB; the tab lists everything. */
const shownAtMost = 25;

export async function myCasesCard(ctx: CardContext, note = ''): Promise<AdaptiveCardJson> {
  const found = await myCases(ctx.deps, ctx.actor);
  if (!found.ok) return outcomeCard({ headline: 'Your cases could not be listed', tone: 'attention', detail: found.error.message });
  const cases = found.value;
  const shown = cases.slice(0, shownAtMost);
  const children = await Promise.all(shown.map((c) => ctx.deps.stores.children.get(c.childId)));
  const rows = shown.map((c, i) => {
    const child = children[i];
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
  const more = cases.length > shownAtMost ? `Showing ${shownAtMost} of ${cases.length}: type "case <reference>" to open any case.` : '';
  const title = cases.length === 0 ? 'No open cases' : `${cases.length} open ${cases.length === 1 ? 'case' : 'cases'}`;
  return composeCard({
    body: expandFragment<unknown[]>(myCasesTemplate, { title, note: [note, more].filter((s) => s !== '').join(' '), cases: rows }),
    actions: [{ type: 'Action.Execute', title: 'New referral', verb: viewVerbs.newReferral, data: {}, associatedInputs: 'none' }],
  });
}

const statusLabel = (c: Case): string => (c.status === 'paused' ? 'Paused' : 'Open');
