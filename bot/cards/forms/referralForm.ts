import { agree, hasRole, listSchools, submitReferral, viewCase, yearGroupName, type ReferralOutcome, type WorkflowError } from '../../../workflow';
import type { CardVerb } from '../actions/cardVerb';
import type { AdaptiveCardJson, CardContext, CardResponse } from '../card';
import { alreadyRecorded } from '../alreadyRecorded';
import { headingOf } from '../caseHeading';
import { showDate, todayIn } from '../format';
import { consentLabels, labelOf, referralSourceLabels } from '../labels';
import { composeCard, outcomeCard, type Outcome } from '../outcomes';
import { recordedBy } from '../recordedBy';
import referralTemplate from '../templates/referralForm.json';
import { expandFragment } from '../template';
import { caseCard } from '../views/caseCard';
import { referralDates } from './dateBounds';
import { viewVerbs } from './formNames';
import { choices, flag, text, withDefaults, type FormValues } from './formValues';

const parentFields = ['Name', 'Relationship', 'Responsibility', 'Email', 'Phone', 'Address', 'PreferredContact', 'Language', 'Interpreter'] as const;
const parentPrefixes = ['parent1', 'parent2'] as const;

function referralDefaults(ctx: CardContext): FormValues {
  const parents = Object.fromEntries(parentPrefixes.flatMap((p) => parentFields.map((f) => [`${p}${f}`, f === 'Responsibility' ? (p === 'parent1' ? 'true' : 'false') : f === 'Interpreter' ? 'false' : ''])));
  return {
    firstName: '', lastName: '', dateOfBirth: '', gender: 'not-stated', schoolId: '', yearGroup: '', send: 'none',
    pupilPremium: 'false', freeSchoolMeals: 'false', lookedAfter: 'false',
    ...parents,
    referralDate: todayIn(ctx.deps.clock.now()), referralSource: 'school', referralSourceDetail: '', reasonForReferral: '',
    plans: '', assessments: '', whatHasBeenTried: '', consent: 'pending',
    ...(maySendRequest(ctx) ? { requestInformation: 'true' } : {}),
  };
}

/** Who may send the information request (requestInformation): only they are offered it with the referral. */
const maySendRequest = (ctx: CardContext): boolean => hasRole(ctx.actor, 'admin', 'manager');

/** Step 2's request sent with the referral, so no separate click is needed for it. */
const requestToggle = (values: FormValues): unknown[] => [
  { type: 'Input.Toggle', id: 'requestInformation', title: 'Send the school the information request now', valueOn: 'true', valueOff: 'false', value: values.requestInformation ?? 'true' },
];

const yearGroups = Array.from({ length: 14 }, (_, year) => ({ title: yearGroupName(year), value: String(year) }));

async function referralCard(ctx: CardContext, values: FormValues, requestKey: string, problem?: WorkflowError): Promise<AdaptiveCardJson> {
  const schools = await listSchools(ctx.deps);
  const parents = parentPrefixes.map((prefix, i) => ({
    prefix,
    heading: i === 0 ? 'First parent or carer' : 'Second parent or carer (leave the name empty if none)',
    name: values[`${prefix}Name`] ?? '', relationship: values[`${prefix}Relationship`] ?? '', responsibility: values[`${prefix}Responsibility`] ?? 'false',
    email: values[`${prefix}Email`] ?? '', phone: values[`${prefix}Phone`] ?? '', address: values[`${prefix}Address`] ?? '',
    preferredContact: values[`${prefix}PreferredContact`] ?? '', language: values[`${prefix}Language`] ?? '', interpreter: values[`${prefix}Interpreter`] ?? 'false',
  }));
  const fields = expandFragment<unknown[]>(referralTemplate, {
    values,
    schools: (schools.ok ? schools.value : []).map((s) => ({ title: `${s.name} (URN ${s.urn})`, value: s.id })),
    yearGroups,
    parents,
    dates: referralDates(ctx),
  });
  return composeCard({
    ...(problem ? { problem } : {}),
    body: [{ type: 'TextBlock', text: 'New referral', weight: 'Bolder', size: 'Large', wrap: true }, ...fields, ...(maySendRequest(ctx) ? requestToggle(values) : [])],
    actions: [
      { type: 'Action.Execute', title: 'Log the referral', verb: viewVerbs.submitReferral, data: { requestKey }, style: 'positive' },
      { type: 'Action.Execute', title: 'My cases', verb: viewVerbs.myCases, data: {}, associatedInputs: 'none' },
    ],
  });
}

function parentsOf(values: FormValues) {
  return parentPrefixes
    .filter((p) => text(values, `${p}Name`) !== undefined)
    .map((p) => ({
      name: text(values, `${p}Name`),
      relationship: text(values, `${p}Relationship`),
      parentalResponsibility: flag(values, `${p}Responsibility`),
      ...optional('email', text(values, `${p}Email`)),
      ...optional('phone', text(values, `${p}Phone`)),
      ...optional('address', text(values, `${p}Address`)),
      ...optional('preferredContact', text(values, `${p}PreferredContact`)),
      ...optional('language', text(values, `${p}Language`)),
      interpreterNeeded: flag(values, `${p}Interpreter`),
    }));
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

/** The card's flat values as the referral use case's input. */
export function referralInput(values: FormValues): Record<string, unknown> {
  const year = text(values, 'yearGroup');
  return {
    requestKey: values.requestKey ?? '',
    child: {
      firstName: text(values, 'firstName'),
      lastName: text(values, 'lastName'),
      dateOfBirth: text(values, 'dateOfBirth'),
      gender: text(values, 'gender'),
      yearGroup: year === undefined ? undefined : Number(year),
      schoolId: text(values, 'schoolId'),
      send: text(values, 'send'),
      pupilPremium: flag(values, 'pupilPremium'),
      freeSchoolMeals: flag(values, 'freeSchoolMeals'),
      lookedAfter: flag(values, 'lookedAfter'),
      parents: parentsOf(values),
    },
    referralDate: text(values, 'referralDate'),
    referralSource: text(values, 'referralSource'),
    ...optional('referralSourceDetail', text(values, 'referralSourceDetail')),
    reasonForReferral: text(values, 'reasonForReferral'),
    graduatedResponse: { plans: choices(values, 'plans'), assessments: choices(values, 'assessments'), whatHasBeenTried: text(values, 'whatHasBeenTried') },
    consent: text(values, 'consent'),
    requestInformation: flag(values, 'requestInformation'),
  };
}

async function openReferral(ctx: CardContext): Promise<CardResponse> {
  return { card: await referralCard(ctx, referralDefaults(ctx), ctx.deps.ids.randomCode(16)) };
}

async function submitReferralCard(ctx: CardContext, data: FormValues): Promise<CardResponse> {
  const requestKey = data.requestKey ?? '';
  const result = await submitReferral(ctx.deps, ctx.actor, referralInput(data));
  if (!result.ok) {
    if (result.error.code === 'RoleRequired') return { card: outcomeCard({ headline: 'This could not be done', tone: 'attention', detail: result.error.message }) };
    return { card: await referralCard(ctx, withDefaults(referralDefaults(ctx), data), requestKey, result.error) };
  }
  return referralOutcome(ctx, result.value);
}

/** Linked to a case the referrer may not open: no case reference, no child's name beyond what they typed. */
async function linkedToUnseenCase(ctx: CardContext, outcome: Extract<ReferralOutcome, { outcome: 'linked-to-unseen-case' }>): Promise<CardResponse> {
  const result: Outcome = {
    headline: 'Linked to an existing case',
    tone: 'warning',
    detail: [
      ...outcome.warnings.map((w) => `Warning: ${w.message}`),
      `${outcome.entered.firstName} ${outcome.entered.lastName} already has an open case with the service that is not on your caseload, so it is not shown here. ` +
        'Your referral was added to that case as you entered it, and no second case was opened. ' +
        `${agree(outcome.told.length, 'The person below has', 'The people below have')} been told and will be in touch.`,
    ].join('\n\n'),
    facts: outcome.told.map((t) => ({ title: 'Told', value: `${t.name} (${t.as})` })),
    by: await recordedBy(ctx, ctx.actor.userId, outcome.recordedAt, 'Linked'),
  };
  return { card: outcomeCard(outcome.repeated ? alreadyRecorded(result) : result) };
}

/** Whether the information request asked for with the referral went (the case is logged either way). */
function informationRequestFact(outcome: Extract<ReferralOutcome, { outcome: 'case-opened' }>, senco: string | undefined) {
  const sent = outcome.informationRequest;
  if (!sent) return [];
  const value = sent.ok ? `Sent to ${senco ?? 'the school'}` : `Not sent: ${sent.error.message} Send it from the case card.`;
  return [{ title: 'Information request', value }];
}

async function referralOutcome(ctx: CardContext, outcome: ReferralOutcome): Promise<CardResponse> {
  if (outcome.outcome === 'linked-to-unseen-case') return linkedToUnseenCase(ctx, outcome);
  const c = outcome.case;
  const view = await viewCase(ctx.deps, ctx.actor, { caseId: c.id });
  const warnings = outcome.warnings.map((w) => w.message);
  if (outcome.outcome === 'existing-open-case') {
    const detail = `${outcome.child.firstName} ${outcome.child.lastName} already has an open case, ${c.reference}. This referral was added to its chronology and flagged; no second case was opened.`;
    return {
      card: composeCard({
        ...(view.ok ? { heading: headingOf(view.value) } : {}),
        body: [
          { type: 'TextBlock', text: 'Already an open case', weight: 'Bolder', size: 'Medium', color: 'Warning', wrap: true },
          { type: 'TextBlock', text: detail, wrap: true },
          ...warnings.map((w) => ({ type: 'TextBlock', text: `Warning: ${w}`, color: 'Warning', wrap: true })),
        ],
        actions: [{ type: 'Action.Execute', title: `Open ${c.reference}`, verb: viewVerbs.openCase, data: { caseId: c.id }, associatedInputs: 'none' }],
      }),
    };
  }
  const school = view.ok ? view.value.school?.name ?? '' : '';
  const result: Outcome = {
    headline: `Referral logged: case ${c.reference}`,
    tone: 'good',
    detail: [
      ...warnings.map((w) => `Warning: ${w}`),
      ...(c.consent === 'given' ? [] : ['Consent needed before any direct work.']),
      `Its folder in Case Files: ${outcome.folder.webUrl}`,
    ].join('\n\n'),
    facts: [
      { title: 'Child', value: `${outcome.child.firstName} ${outcome.child.lastName}` },
      { title: 'School', value: school },
      { title: 'Received', value: showDate(c.referralDate) },
      { title: 'Referred by', value: labelOf(referralSourceLabels, c.referralSource) },
      { title: 'Consent', value: labelOf(consentLabels, c.consent) },
      ...informationRequestFact(outcome, view.ok ? view.value.school?.senco.name : undefined),
    ],
    // The letter, the form and the PDP the request sent: each opens from the card.
    ...(outcome.informationDocuments ? { documents: outcome.informationDocuments } : {}),
    by: await recordedBy(ctx, c.createdBy, c.createdAt, 'Logged'),
  };
  if (!view.ok) return { card: outcomeCard(outcome.repeated ? alreadyRecorded(result) : result) };
  // A repeat posts no second case card: the first submit already did.
  if (outcome.repeated) return { card: outcomeCard(alreadyRecorded(result), headingOf(view.value)) };
  return { card: outcomeCard(result, headingOf(view.value)), followUp: await caseCard(ctx, view.value) };
}

export const referralVerbs: CardVerb[] = [
  { verb: viewVerbs.newReferral, handle: (ctx) => openReferral(ctx) },
  { verb: viewVerbs.submitReferral, handle: (ctx, values) => submitReferralCard(ctx, values) },
];
