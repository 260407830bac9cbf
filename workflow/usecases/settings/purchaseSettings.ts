import { z } from 'zod';
import { workflowError } from '../../errors';
import { IsoDate } from '../../model/common';
import { FinancialYearCode, priceListItem } from '../../model/priceList';
import type { Purchase } from '../../model/purchase';
import { financialYearOf } from '../../packages';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import type { UseCase } from '../deps';
import { recordPurchase } from '../packages/recordPurchase';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import type { Saved } from './priceLists';
import { canEditSettings, mayChangeSettings, mayReadSettings } from './settingsAccess';

export interface PurchaseRow extends Versioned<Purchase> {
  schoolName: string;
  packageName: string;
  caseReference?: string;
}

export interface PurchasesView {
  canEdit: boolean;
  financialYear: string;
  /** The years there is a price list for, and the one shown. */
  years: string[];
  purchases: PurchaseRow[];
}

const Query = z.object({ financialYear: FinancialYearCode.optional() });

/** The purchases of one financial year (this one unless another is asked for), with school, package and case named. */
export const listPurchaseSettings: UseCase<unknown, PurchasesView> = async (deps, actor, raw) => {
  const allowed = mayReadSettings(actor);
  if (!allowed.ok) return allowed;
  const query = parseInput(Query, raw);
  if (!query.ok) return query;
  const financialYear = query.value.financialYear ?? financialYearOf(now(deps).today);
  const [bought, schools] = await Promise.all([deps.stores.purchases.find({ financialYear }), deps.stores.schools.list()]);
  const list = deps.config.priceLists.find((l) => l.financialYear === financialYear);
  const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
  const caseIds = [...new Set(bought.flatMap((p) => (p.caseId ? [p.caseId] : [])))];
  const cases = await Promise.all(caseIds.map(async (id) => [id, (await deps.stores.cases.get(id))?.reference] as const));
  const references = new Map(cases);
  const purchases = bought
    .sort((a, b) => a.purchasedOn.localeCompare(b.purchasedOn) || Number(a.id) - Number(b.id))
    .map((p) => {
      const reference = p.caseId ? references.get(p.caseId) : undefined;
      return {
        ...p,
        schoolName: schoolNames.get(p.schoolId) ?? `School ${p.schoolId}`,
        packageName: (list && priceListItem(list, p.packageCode)?.name) ?? p.packageCode,
        ...(reference ? { caseReference: reference } : {}),
      };
    });
  const years = [...new Set([...deps.config.priceLists.map((l) => l.financialYear), financialYear])].sort();
  return ok({ canEdit: canEditSettings(actor), financialYear, years, purchases });
};

const NewPurchase = z.object({ financialYear: FinancialYearCode, purchasedOn: IsoDate }).loose();

/**
 * Records a school's purchase from the settings pages (admins): the rules of recordPurchase, at
 * the price list of the purchase's financial year as it stands now. The same request key again
 * records it once.
 */
export const recordPurchaseSetting: UseCase<unknown, Saved & { id: string; repeated: boolean }> = async (deps, actor, raw) => {
  const allowed = mayChangeSettings(actor, 'the purchases');
  if (!allowed.ok) return allowed;
  const input = parseInput(NewPurchase, raw);
  if (!input.ok) return input;
  const { financialYear, purchasedOn, ...rest } = input.value;
  const dated = financialYearOf(purchasedOn);
  if (dated !== financialYear) {
    return fail(workflowError('ValidationFailed', `purchasedOn: ${purchasedOn} is in financial year ${dated}, not ${financialYear}.`, { field: 'purchasedOn' }));
  }
  const recorded = await recordPurchase(deps, actor, { ...rest, purchasedOn });
  if (!recorded.ok) return recorded;
  const { purchase, repeated } = recorded.value;
  const name = deps.config.priceLists.flatMap((l) => (l.financialYear === financialYear ? [priceListItem(l, purchase.packageCode)?.name] : []))[0] ?? purchase.packageCode;
  const message = repeated ? `That purchase was already recorded.` : `${name} recorded for ${financialYear}: ${purchase.hours} hours at £${purchase.price.toFixed(2)}.`;
  return ok({ id: purchase.id, etag: purchase.etag, message, repeated });
};
