import { z } from 'zod';
import { workflowError } from '../../errors';
import { Consent, type Case } from '../../model/case';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import { openCaseRule } from '../../rules/closing';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { changeCase } from '../support/caseAccess';
import { parseInput } from '../support/input';

export const SetConsentInput = z.object({ caseId: z.string().min(1), consent: Consent });

/** Parental consent changes (given, refused, withdrawn): no direct support unless it is "given". */
export const setConsent: UseCase<unknown, Versioned<Case>> = async (deps, actor, raw) => {
  const parsed = parseInput(SetConsentInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, consent } = parsed.value;
  const changed = await changeCase(deps, actor, caseId, (c) => {
    const open = openCaseRule(c);
    if (!open.ok) return open;
    if (c.consent === consent) return fail(workflowError('AlreadyDone', `Consent for ${c.reference} is already recorded as ${consent}.`));
    return ok({ consent });
  });
  if (!changed.ok) return changed;
  await audit(deps, actor, 'case.consent', caseId, `${caseId}:${consent}:${changed.value.updatedAt}`, { consent });
  return changed;
};
