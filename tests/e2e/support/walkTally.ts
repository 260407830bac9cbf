import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One step of a walk: the clicks on card buttons and the card fields filled while it was current. */
export interface TallyRow {
  step: string;
  clicks: number;
  typed: number;
  /** False for what is checked after the walk (log time, lone working): shown, not in the total. */
  counted: boolean;
}

/**
 * What a person did in a walk, step by step: every card-button click (PlaygroundChat.click) and
 * every field filled (CardForm). One per test file; the chat and the forms are given it.
 */
export interface WalkTally {
  /** Later clicks and fields count towards this step. */
  step(name: string, options?: { counted?: boolean }): void;
  click(): void;
  typed(): void;
  rows(): TallyRow[];
  /** Clicks in the counted steps. */
  totalClicks(): number;
  /** A Markdown table: step, clicks, fields typed, with the counted totals. */
  table(): string;
}

export function walkTally(): WalkTally {
  const rows: TallyRow[] = [];
  const current = (): TallyRow => {
    const row = rows.at(-1);
    if (row) return row;
    const first = { step: '(before the first step)', clicks: 0, typed: 0, counted: true };
    rows.push(first);
    return first;
  };
  const counted = () => rows.filter((r) => r.counted);
  return {
    step: (name, options = {}) => void rows.push({ step: name, clicks: 0, typed: 0, counted: options.counted ?? true }),
    click: () => void (current().clicks += 1),
    typed: () => void (current().typed += 1),
    rows: () => rows.map((r) => ({ ...r })),
    totalClicks: () => counted().reduce((n, r) => n + r.clicks, 0),
    table: () => {
      const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
      const sum = (key: 'clicks' | 'typed') => counted().reduce((n, r) => n + r[key], 0);
      return [
        line(['Step', 'Clicks', 'Fields typed']),
        line(['---', '---:', '---:']),
        ...rows.map((r) => line([r.counted ? r.step : `${r.step} (outside the walk)`, r.clicks, r.typed])),
        line(['**Walk total**', `**${sum('clicks')}**`, `**${sum('typed')}**`]),
      ].join('\n');
    },
  };
}

/** Writes the table next to the screenshots (tests/e2e/screenshots/<name>.md) and returns its path. */
export function writeTally(tally: WalkTally, name: string): string {
  const dir = path.resolve(__dirname, '..', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.md`);
  writeFileSync(file, `# Clicks and typed fields per step\n\n${tally.table()}\n`);
  return file;
}
