import { z } from 'zod';
import { Attribution, EntraId, Id, Instant, IsoDate, Text } from './common';

/** `withdrawn`: a draft its author replaced with a later version before anyone decided it. */
export const ContractStatus = z.enum(['awaiting-approval', 'approved', 'changes-requested', 'superseded', 'ended', 'withdrawn']);
export type ContractStatus = z.infer<typeof ContractStatus>;

/** What the worker drafts: targets, the support offered, the packages drawn on, start and review. */
export const ContractTerms = z.object({
  targets: z.array(Text).min(1, 'a contract needs at least one target'),
  support: Text,
  purchaseIds: z.array(Id).min(1, 'a contract draws on at least one package'),
  startDate: IsoDate,
  reviewDate: IsoDate,
});
export type ContractTerms = z.infer<typeof ContractTerms>;

export const ContractDecision = z.object({
  /** Tells this decision from another made at the same instant (two approvers, a retry). */
  id: z.string().min(1),
  by: EntraId,
  at: Instant,
  outcome: z.enum(['approved', 'changes-requested']),
  reason: z.string().optional(),
});

export const Contract = ContractTerms.extend({
  id: Id,
  caseId: Id,
  version: z.number().int().min(1),
  status: ContractStatus,
  /** Last school day of the support period (6 school weeks), computed from term dates. */
  supportEnds: IsoDate,
  /** Who may approve besides any manager. */
  namedApprovers: z.array(EntraId),
  decisions: z.array(ContractDecision),
  parentsInformedAt: Instant.optional(),
  /** Who recorded that the parents were told (once per contract version). */
  parentsInformedBy: EntraId.optional(),
}).extend(Attribution.shape);
export type Contract = z.infer<typeof Contract>;
