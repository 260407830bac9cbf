import { z } from 'zod';
import { workflowError } from '../../errors';
import { Consent, type Case } from '../../model/case';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import { openCaseRule } from '../../rules/closing';
import type { UseCase } from '../deps';
import { loadCase } from '../support/caseAccess';
import { changeCaseAudited } from '../support/changeAudited';
import { now } from '../support/time';
import { parseInput } from '../support/input';

export const SetConsentInput = z.object({ caseId: z.string().min(1), consent: Consent });

/** Parental consent changes (given, refused, withdrawn): no direct support unless it is "given". */
export const setConsent: UseCase<unknown, Versioned<Case>> = async (deps, actor, raw) => {
  const parsed = parseInput(SetConsentInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, consent } = parsed.value;
  const loaded = await loadCase(deps, actor, caseId);
  if (!loaded.ok) return loaded;
  // The action's instant keys its audit line (a consent may be set to the same value again later).
  const { at } = now(deps);
  return changeCaseAudited(deps, actor, loaded.value, (c) => {
    const open = openCaseRule(c);
    if (!open.ok) return open;
    if (c.consent === consent) return fail(workflowError('AlreadyDone', `Consent for ${c.reference} is already recorded as ${consent}.`));
    return ok({ consent });
  }, { action: 'case.consent', key: `${caseId}:${consent}:${at}`, detail: { consent } });
};
