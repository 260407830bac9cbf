import type { Client } from '@microsoft/microsoft-graph-client';
import { graphStatus } from '../sharepoint/graphErrors';

/** One change a step makes (or, in a dry run, would make). */
export interface PlannedChange {
  kind: 'create' | 'update';
  /** What, in words: "app registration Outreach Cases (uniqueName outreach-cases)". */
  what: string;
}

export interface StepResult<T> {
  step: string;
  changes: PlannedChange[];
  /** What later steps need (ids); undefined parts are not known in a dry run against an empty tenant. */
  value: T;
}

export interface StepContext {
  client: Client;
  dryRun: boolean;
}

/** Graph refused a step (403): the step, and the permission and directory role the signed-in account needs. */
export class StepRefused extends Error {
  override readonly name = 'StepRefused';
  constructor(
    readonly step: string,
    readonly needs: string,
    cause: unknown,
  ) {
    super(`${step}: refused (403). The signed-in account needs ${needs}`, { cause });
  }
}

/** What each step needs: the delegated permission the sign-in asks for, and the least directory role that holds it. */
export const stepNeeds = {
  'app registration': 'Application.ReadWrite.All — the Application Administrator role',
  'service principal': 'Application.ReadWrite.All — the Application Administrator role',
  'Graph permission Sites.Selected': 'AppRoleAssignment.ReadWrite.All — the Privileged Role Administrator role (admin consent to an application permission)',
  'federated credential': 'Application.ReadWrite.All — the Application Administrator role',
  'site permission': 'Sites.FullControl.All — the SharePoint Administrator role',
  'lists and libraries': 'Sites.FullControl.All — the SharePoint Administrator role (or owner of the site)',
  'Teams app': 'AppCatalog.ReadWrite.All — the Teams Administrator role',
} as const;
export type StepName = keyof typeof stepNeeds;

/** Runs a step's Graph calls; a 403 becomes StepRefused naming what is missing. */
export async function asStep<T>(step: StepName, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (graphStatus(error) === 403) throw new StepRefused(step, stepNeeds[step], error);
    throw error;
  }
}

/** True when Graph answered 404 (the object is not there). */
export const isNotFound = (error: unknown): boolean => graphStatus(error) === 404;
