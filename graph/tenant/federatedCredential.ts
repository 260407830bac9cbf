import { z } from 'zod';
import { asStep, type StepContext, type StepResult } from './steps';
import { FEDERATED_CREDENTIAL_NAME, tokenExchangeAudience } from './tenantIds';

const Credentials = z.object({ value: z.array(z.object({ id: z.string(), name: z.string(), issuer: z.string(), subject: z.string(), audiences: z.array(z.string()) })) });

/**
 * The app registration trusts the user-assigned managed identity (its principal id is the subject):
 * the app signs in as the registration with no secret anywhere.
 */
export async function ensureFederatedCredential(ctx: StepContext, application: { id: string } | undefined, tenantId: string, principalId: string): Promise<StepResult<undefined>> {
  const step = 'federated credential';
  return asStep(step, async () => {
    const wanted = { name: FEDERATED_CREDENTIAL_NAME, issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`, subject: principalId, audiences: [tokenExchangeAudience] };
    const path = application ? `/applications/${application.id}/federatedIdentityCredentials` : undefined;
    const found = path ? Credentials.parse(await ctx.client.api(path).get()).value.find((c) => c.name === FEDERATED_CREDENTIAL_NAME) : undefined;
    const same = found && found.issuer === wanted.issuer && found.subject.toLowerCase() === wanted.subject.toLowerCase() && found.audiences.join() === wanted.audiences.join();
    if (same) return { step, changes: [], value: undefined };
    if (found) {
      if (!ctx.dryRun) await ctx.client.api(`${path}/${found.id}`).patch({ issuer: wanted.issuer, subject: wanted.subject, audiences: wanted.audiences });
      return { step, changes: [{ kind: 'update', what: `${FEDERATED_CREDENTIAL_NAME}: subject ${principalId}` }], value: undefined };
    }
    if (!ctx.dryRun && path) await ctx.client.api(path).post(wanted);
    return { step, changes: [{ kind: 'create', what: `${FEDERATED_CREDENTIAL_NAME}: trusts managed identity ${principalId} (issuer ${wanted.issuer})` }], value: undefined };
  });
}
