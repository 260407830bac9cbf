import { dateHappened, documentLinksIn, inOrderHappened, yearGroupName, type CaseView, type Contract } from '../../../workflow';
import { documentBlocks } from '../documentLinks';
import type { AdaptiveCardJson, CardContext } from '../card';
import { headingOf } from '../caseHeading';
import { showDate, showHours } from '../format';
import { consentLabels, contractStatusLabels, labelOf, referralSourceLabels } from '../labels';
import { openVerb, submitVerb, viewVerbs } from '../forms/formNames';
import { composeCard, type Fact } from '../outcomes';
import { staffNames } from '../staffNames';
import caseTemplate from '../templates/caseCard.json';
import { expandFragment } from '../template';
import { caseOffers, consentNeeded, type Offer } from './caseOffers';
import { contractApprovers } from './contractApprovers';
import { meetingsAhead, meetingSummary } from './meetingLines';
import { recordLabels } from './recordLabels';
import { caseDocumentBlocks } from './caseDocuments';

const recentRecords = 5;
/** The newest documents the card opens (each with its PDF: two buttons). */
const recentDocuments = 3;
/** Teams shows at most 6 actions in a set. */
const actionsPerSet = 6;
/** Buttons shown beside the primary one; the rest go under "More actions". */
const besidePrimary = 3;

/** A case: where it stands, its recent records, and the actions this person can take next. */
export async function caseCard(ctx: CardContext, view: CaseView): Promise<AdaptiveCardJson> {
  const nameOf = await staffNames(ctx);
  const c = view.case;
  const facts: Fact[] = [
    { title: 'School', value: view.school?.name ?? '' },
    { title: 'Year group', value: view.child ? yearGroupName(view.child.yearGroup) : '' },
    { title: 'Worker', value: c.workerId ? nameOf(c.workerId) : 'Not allocated yet' },
    { title: 'Referred', value: `${showDate(c.referralDate)} (${labelOf(referralSourceLabels, c.referralSource)})` },
    { title: 'Consent', value: labelOf(consentLabels, c.consent) },
    { title: 'Contract', value: contractLine(view) },
    { title: 'Package hours', value: hoursLine(view) },
    { title: 'Next meeting', value: nextMeetingLine(view, ctx.deps.clock.now()) },
  ].filter((f) => f.value !== '');
  const records = inOrderHappened(view.records)
    .reverse()
    .slice(0, recentRecords)
    .map((r) => ({
      line: `${showDate(dateHappened(r))} · ${r.body.kind === 'document' ? r.body.title : recordLabels[r.body.kind]}${r.locked ? ' (locked)' : ''} · ${nameOf(r.createdBy)}`,
      colour: r.safeguarding ? 'Attention' : 'Default',
    }));
  const offers = caseOffers(ctx.actor, view, ctx.deps.clock.now());
  const waiting = offers.primary ? '' : await waitingLine(ctx, view);
  const toAction = (o: Offer) =>
    o.oneClick
      ? {
          type: 'Action.Execute',
          title: o.title,
          verb: submitVerb(o.form),
          // A request key per card drawn: a double click on this card records once; the date is the day it is pressed.
          data: { caseId: c.id, openedAtStep: String(view.step), requestKey: ctx.deps.ids.randomCode(16), ...(o.data ?? {}) },
          associatedInputs: 'none',
        }
      : { type: 'Action.Execute', title: o.title, verb: o.view ?? openVerb(o.form), data: { caseId: c.id, ...(o.data ?? {}) } };
  const chronology = { type: 'Action.Execute', title: 'Whole chronology', verb: viewVerbs.chronology, data: { caseId: c.id }, associatedInputs: 'none' };
  const myCases = { type: 'Action.Execute', title: 'My cases', verb: viewVerbs.myCases, data: {}, associatedInputs: 'none' };
  const beside = [...offers.beside.map(toAction), myCases, ...(view.records.length > 0 ? [chronology] : [])];
  const more = [
    ...chunk([...offers.more.map(toAction), ...beside.slice(besidePrimary)], actionsPerSet).map((actions) => ({ type: 'ActionSet', actions })),
    ...caseDocumentBlocks(view.records),
  ];
  return composeCard({
    heading: headingOf(view),
    body: [expandFragment(caseTemplate, { facts, records, waiting, consentNeeded: consentNeeded(view) ? 'Consent needed before any direct work' : '' }), ...documentsBlock(view)],
    actions: [
      ...(offers.primary ? [{ ...toAction(offers.primary), style: 'positive' }] : []),
      ...beside.slice(0, besidePrimary),
      ...(more.length > 0 ? [{ type: 'Action.ShowCard', title: 'More actions', card: { type: 'AdaptiveCard', version: '1.5', body: more } }] : []),
    ],
  });
}

/** The case's newest documents, those sent out (with a PDF) first, each opened in a click (the rest are in the child's folder). */
function documentsBlock(view: CaseView): unknown[] {
  const links = documentLinksIn(inOrderHappened(view.records).reverse());
  const newest = [...links.filter((d) => d.pdfUrl), ...links.filter((d) => !d.pdfUrl)].slice(0, recentDocuments);
  const blocks = documentBlocks(newest);
  return blocks.length > 0 ? [{ type: 'TextBlock', text: 'Documents', weight: 'Bolder', spacing: 'Medium' }, ...blocks] : [];
}

/** The hours of the school's packages used by this case's sessions and time entries (sessions count once). */
function hoursLine(view: CaseView): string {
  const h = view.packageHours;
  if (!h || h.bought === 0) return '';
  return `${showHours(h.used)} used of ${h.bought}; ${showHours(h.left)} left`;
}

/** The earliest booked meeting still ahead: "Initial school meeting, Tue 3 Mar 2026, 10:00–11:00 (Teams link pending)". */
function nextMeetingLine(view: CaseView, now: Date): string {
  if (view.case.status === 'closed') return '';
  const [next] = meetingsAhead(view, now);
  return next ? meetingSummary(next) : '';
}

function contractLine(view: CaseView): string {
  const inForce = view.case.contractInForce;
  if (inForce) return `In force ${showDate(inForce.startDate)} to ${showDate(inForce.supportEnds)}, review by ${showDate(inForce.reviewDate)}`;
  const latest: Contract | undefined = [...view.contracts].sort((a, b) => b.version - a.version)[0];
  if (!latest) return '';
  return latest.status === 'awaiting-approval' ? `Version ${latest.version} awaiting approval` : `Version ${latest.version}: ${labelOf(contractStatusLabels, latest.status).toLowerCase()}`;
}

async function waitingLine(ctx: CardContext, view: CaseView): Promise<string> {
  if (view.asDsl) return 'You opened this case as the DSL, through its safeguarding concern: add to the chronology or record a further concern.';
  if (view.case.status === 'closed') return 'The case is closed: its chronology can still be added to.';
  if (view.case.status === 'paused') return 'The case is paused: a manager can resume it.';
  const pending = view.contracts.find((k) => k.status === 'awaiting-approval');
  if (view.step === 7 && pending) return `The contract is waiting for approval. ${(await contractApprovers(ctx, pending)).prompt(ctx.actor)}`;
  if (view.step === 7) return 'The contract is waiting for a manager to approve it.';
  if (view.step === 2 && !view.case.milestones.allocated) return 'The case is waiting for a manager to allocate a worker.';
  return 'Nothing for you to do on this case at this step.';
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
