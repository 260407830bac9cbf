import type { DocumentLink, WorkflowError } from '../../workflow';
import { documentBlocks } from './documentLinks';
import type { AdaptiveCardJson } from './card';
import { caseHeader, type CaseHeading } from './caseHeader';
import outcomeTemplate from './templates/outcome.json';
import problemTemplate from './templates/problem.json';
import { showInstant } from './format';
import { expandFragment } from './template';

export interface Fact {
  title: string;
  value: string;
}

/** A card with no live buttons: what happened, in words. */
export interface Outcome {
  headline: string;
  tone: 'good' | 'warning' | 'attention' | 'neutral';
  detail?: string;
  facts?: Fact[];
  /** Documents made or sent: the card opens each (and its PDF). */
  documents?: readonly DocumentLink[];
  /** Who did it and when, e.g. recorded by Morgan Ashby at ... */
  by?: { name: string; at: string; verb?: string; /** The person reading the card did it. */ self?: boolean };
}

const colours: Record<Outcome['tone'], string> = { good: 'Good', warning: 'Warning', attention: 'Attention', neutral: 'Default' };

export function outcomeBlock(outcome: Outcome): unknown {
  const by = outcome.by;
  const block = expandFragment<{ items: unknown[] }>(outcomeTemplate, {
    headline: outcome.headline,
    colour: colours[outcome.tone],
    detail: outcome.detail ?? '',
    facts: (outcome.facts ?? []).filter((f) => f.value !== ''),
    signature: by ? `${by.verb ?? 'Recorded'} by ${by.name}, ${showInstant(by.at)}` : '',
  });
  const documents = documentBlocks(outcome.documents ?? []);
  return documents.length > 0 ? { ...block, items: [...block.items, ...documents] } : block;
}

/** The banner a form shows above its fields when a submit broke a rule or a field was wrong. */
export function problemBlock(error: Pick<WorkflowError, 'message' | 'rule' | 'field'>): unknown {
  const where = error.rule ? `Rule: ${error.rule}` : error.field ? `Check: ${fieldLabel(error.field)}` : '';
  return expandFragment(problemTemplate, { message: error.message, where });
}

const fieldLabel = (field: string): string => field.replace(/\./g, ' › ');

/** Puts a card together: the case header (if any), a problem banner (if any), then the body. */
export function composeCard(parts: { heading?: CaseHeading; problem?: Pick<WorkflowError, 'message' | 'rule' | 'field'>; body: unknown[]; actions?: unknown[] }): AdaptiveCardJson {
  const body = [
    ...(parts.heading ? [caseHeader(parts.heading)] : []),
    ...(parts.problem ? [problemBlock(parts.problem)] : []),
    ...parts.body,
  ];
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body,
    ...(parts.actions && parts.actions.length > 0 ? { actions: parts.actions } : {}),
  };
}

/** A finished card: what happened, no buttons. */
export function outcomeCard(outcome: Outcome, heading?: CaseHeading): AdaptiveCardJson {
  return composeCard({ ...(heading ? { heading } : {}), body: [outcomeBlock(outcome)] });
}
