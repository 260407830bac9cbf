import type { Page } from 'playwright-core';
import { botText, type PlaygroundChat } from './playgroundChat';

/** Clicks a card button and waits for a new card text matching `expected`. */
export const clicker = (page: Page, chat: PlaygroundChat) => (button: string, expected: RegExp) => chat.click(button, botText(page, expected), `"${expected.source}"`);

/** "new referral", the form filled with a fictional pupil, logged: returns the case reference. */
export async function logReferral(page: Page, chat: PlaygroundChat, beforeSubmit?: () => Promise<void>): Promise<string> {
  const click = clicker(page, chat);
  await chat.send('new referral', botText(page, /^New referral$/), 'the referral form');
  const form = chat.form('Log the referral');
  await form.text('First name', 'Juniper');
  await form.text('Last name', 'Quellwood');
  await form.date('Date of birth', '2017-05-02');
  await form.choose('School', 'Alderbrook Primary School');
  await form.choose('Year group', 'Year 4');
  await form.text('Name', 'Rosalind Quellwood');
  await form.text('Relationship to the child', 'Mother');
  await form.text('Phone', '01632 960123');
  await form.text('Reason for referral', 'Leaves the classroom at transitions and struggles to settle.');
  await form.check('Plans in place Positive behaviour support plan');
  await form.check('Assessments done SDQ');
  await form.text('What has been tried', 'Visual timetable and a daily check-in with the teaching assistant.');
  await form.choose('Parental consent to the referral', 'Given');
  await beforeSubmit?.();
  const logged = await click('Log the referral', /Referral logged: case OC-\d{2}-[0-9A-Z]{5}/);
  const reference = /OC-\d{2}-[0-9A-Z]{5}/.exec(await logged.innerText())?.[0];
  if (!reference) throw new Error('the logged referral shows no case reference');
  return reference;
}

/** Step 2 from the case card: "Allocate a worker", `worker` picked, "Allocate". */
export async function allocate(page: Page, chat: PlaygroundChat, worker: string, beforeAllocating?: () => Promise<void>): Promise<void> {
  const click = clicker(page, chat);
  await click('Allocate a worker', /^Allocate the case$/);
  await chat.form('Allocate').pick(worker);
  await beforeAllocating?.();
  await click('Allocate', /^Case allocated$/);
}

/**
 * Step 2's information: the referral form's toggle (on by default) sent the request with the
 * referral, and the case card's one-click "Information returned today" records it back.
 */
export const informationReturnedToday = (page: Page, chat: PlaygroundChat): Promise<unknown> =>
  clicker(page, chat)('Information returned today', /^Information returned recorded$/);

/** Step 2 whole: allocation to `worker`, then the information returned. */
export async function allocateAndGatherInformation(page: Page, chat: PlaygroundChat, worker: string, beforeAllocating?: () => Promise<void>): Promise<void> {
  await allocate(page, chat, worker, beforeAllocating);
  await informationReturnedToday(page, chat);
}

/**
 * A case card button that may sit under "More actions" (an Action.ShowCard): opened first when
 * the button is not in sight. The opening is a click too.
 */
export async function clickOffer(page: Page, chat: PlaygroundChat, button: string, expected: RegExp): Promise<void> {
  if ((await page.getByRole('button', { name: button, exact: true }).count()) === 0) {
    await page.getByRole('button', { name: 'More actions', exact: true }).last().click();
  }
  await clicker(page, chat)(button, expected);
}

/** Step 7: the contract drafted from the case card and sent for approval. */
export async function draftContract(page: Page, chat: PlaygroundChat, beforeSending?: () => Promise<void>): Promise<void> {
  const click = clicker(page, chat);
  await click('Draft the contract', /^Draft the Outreach Contract$/);
  const form = chat.form('Send for approval');
  await form.text('Targets (one per line)', 'Stays in class through transitions\nUses the calm space when upset');
  await form.text('Support offered', 'Weekly 1:1 sessions and modelling for staff');
  await form.checkMatching(/Silver/);
  await form.date('Support starts', '2026-09-14');
  await form.date('Review date (as agreed at the contract meeting)', '2026-10-22');
  await beforeSending?.();
  await click('Send for approval', /^Contract version 1 drafted$/);
}
