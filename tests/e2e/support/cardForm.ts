import type { Locator, Page } from 'playwright-core';
import type { WalkTally } from './walkTally';

/**
 * One Adaptive Card in the Playground's chat, found by a button it carries (the newest such card),
 * and filled as a person would: inputs by their labels, as the Playground renders them with
 * Fluent UI (text boxes, date pickers and drop-downs are comboboxes, toggles are checkboxes).
 */
export interface CardForm {
  root: Locator;
  /** A text input; `index` picks one of several with the same label (0 = the first). */
  text(label: string, value: string, index?: number): Promise<void>;
  /** An Input.Number. */
  number(label: string, value: number): Promise<void>;
  /** An Input.Date: typed as YYYY-MM-DD, which the date picker accepts and shows in words. */
  date(label: string, isoDate: string): Promise<void>;
  /** A compact Input.ChoiceSet: the option whose title starts with `option`. */
  choose(label: string, option: string): Promise<void>;
  /** An expanded Input.ChoiceSet (radio buttons). */
  pick(option: string): Promise<void>;
  /** An Input.Toggle or a choice in a multi-select set, by its exact accessible name. */
  check(label: string, on?: boolean): Promise<void>;
  /** The first checkbox whose name matches (a multi-select choice whose title holds data, e.g. a PO number). */
  checkMatching(name: RegExp): Promise<void>;
}

/** `tally`, when given, counts each field filled (text, date, number, choice, toggle) as one typed field. */
export function cardWithButton(page: Page, buttonTitle: string, tally?: WalkTally): CardForm {
  const root = page
    .locator('.ac-adaptiveCard')
    .filter({ has: page.getByRole('button', { name: buttonTitle, exact: true }) })
    .last();
  const exact = (label: string) => ({ name: label, exact: true });
  const form: CardForm = {
    root,
    async text(label, value, index = 0) {
      await root.getByRole('textbox', exact(label)).nth(index).fill(value);
    },
    async number(label, value) {
      await root.getByRole('spinbutton', exact(label)).fill(String(value));
    },
    async date(label, isoDate) {
      const box = root.getByRole('combobox', exact(label));
      await box.fill(isoDate);
      await box.press('Tab');
    },
    async choose(label, option) {
      await root.getByRole('button', { name: `Open ${label}`, exact: true }).click();
      await page.getByRole('option').filter({ hasText: new RegExp(`^${escapeRegExp(option)}`) }).first().click();
    },
    async pick(option) {
      await root.getByRole('radio', { name: new RegExp(`^${escapeRegExp(option)}`) }).first().check();
    },
    async check(label, on = true) {
      await root.getByRole('checkbox', exact(label)).setChecked(on);
    },
    async checkMatching(name) {
      await root.getByRole('checkbox', { name }).first().check();
    },
  };
  if (!tally) return form;
  const counted = <A extends unknown[]>(fill: (...args: A) => Promise<void>) => async (...args: A) => {
    await fill(...args);
    tally.typed();
  };
  return {
    root,
    text: counted(form.text),
    number: counted(form.number),
    date: counted(form.date),
    choose: counted(form.choose),
    pick: counted(form.pick),
    check: counted(form.check),
    checkMatching: counted(form.checkMatching),
  };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
