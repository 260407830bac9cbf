import type { Staff } from '../../../workflow';
import type { AdaptiveCardJson } from '../card';
import { chatCommands } from '../commands';
import { viewVerbs } from '../forms/formNames';
import { composeCard, outcomeCard } from '../outcomes';
import helpTemplate from '../templates/help.json';
import { expandFragment } from '../template';

const startActions = [
  { type: 'Action.Execute', title: 'New referral', verb: viewVerbs.newReferral, data: {}, associatedInputs: 'none' },
  { type: 'Action.Execute', title: 'My cases', verb: viewVerbs.myCases, data: {}, associatedInputs: 'none' },
];

function helpBody(greeting: string, intro: string): unknown[] {
  return expandFragment<unknown[]>(helpTemplate, { greeting, intro, commands: chatCommands.map((c) => ({ title: c.title, description: c.description })) });
}

export function helpCard(): AdaptiveCardJson {
  return composeCard({ body: helpBody('Outreach Cases', 'I keep the outreach service\'s casework: referrals, every step of a case, contracts, time and reports.'), actions: startActions });
}

export function welcomeCard(actor: Staff): AdaptiveCardJson {
  const firstName = actor.displayName.split(' ')[0] ?? actor.displayName;
  return composeCard({
    body: helpBody(`Welcome, ${firstName}`, 'I run the outreach casework with you here in Teams: log a referral, then every step of the case comes to you as a card you can act on.'),
    actions: startActions,
  });
}

export function unknownTextCard(text: string): AdaptiveCardJson {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return composeCard({
    body: helpBody('I did not understand that', `"${shown}" is not something I know. Here is what I can do.`),
    actions: startActions,
  });
}

export function notOnStaffListCard(message: string): AdaptiveCardJson {
  return outcomeCard({
    headline: 'You are not on the Staff list',
    tone: 'attention',
    detail: `${message} Ask the service's administrator to add you to the Staff list with your role; then say "help" again.`,
  });
}

/** Shown in place of a card while slow work finishes; the card is replaced when it is done. */
export function workingCard(verb: string): AdaptiveCardJson {
  const doing = verb.endsWith('.submit') ? 'Recording it' : 'Working on it';
  return outcomeCard({ headline: `${doing}…`, tone: 'neutral', detail: 'This card will change when it is done. There is no need to click again.' });
}
