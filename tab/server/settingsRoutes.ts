import express, { type RequestHandler, type Response } from 'express';
import {
  addSchool,
  addStaffMember,
  changeSchool,
  changeStaffMember,
  getTeamChannel,
  listPriceLists,
  listPurchaseSettings,
  listSchoolSettings,
  listStaffSettings,
  listTermCalendars,
  recordPurchaseSetting,
  replacePriceList,
  replaceTermCalendar,
  setTeamChannel,
  type Result,
  type Staff,
  type WorkflowDeps,
} from '../../workflow';
import { apiBase } from '../contract/api';
import {
  settingsRoutes as paths,
  type PriceListSettings,
  type PurchaseSettings,
  type Saved,
  type SchoolSettings,
  type StaffSettings,
  type TeamChannelSetting,
  type TermCalendarSettings,
} from '../contract/settings';
import { refused } from './answers';
import { staffOf } from './signedIn';

/** A contract route as the API router sees it (mounted at /tab/api); `:name` for a path parameter. */
const at = (path: string): string => path.slice(apiBase.length);
const withParam = (route: (value: string) => string, name: string): string => at(route(`:${name}`)).replace(encodeURIComponent(`:${name}`), `:${name}`);

/** The body as an object the use case parses (anything else reads as empty, so each field is named as missing). */
const bodyOf = (body: unknown): Record<string, unknown> => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {});


/**
 * Answers a use case: its value shaped for the contract (`status` for a change that created
 * something), or its refusal in words (403 role, 400 field, 409 stale version or a taken URN).
 */
function answer<V, T>(
  workflow: WorkflowDeps,
  run: (staff: Staff, req: express.Request) => Promise<Result<V>>,
  shape: (value: V) => T,
  status: (value: V) => number = () => 200,
): RequestHandler {
  return async (req, res) => {
    const result = await workflow.batching.oneAction(() => run(staffOf(res), req));
    noStore(res);
    if (!result.ok) return refused(res, result.error);
    res.status(status(result.value)).json(shape(result.value));
  };
}

const noStore = (res: Response): void => void res.setHeader('Cache-Control', 'no-store');

const saved = (value: { etag: string; message: string; id?: string }): Saved & { id?: string } => ({
  etag: value.etag,
  message: value.message,
  ...(value.id ? { id: value.id } : {}),
});

/**
 * The settings pages' API (tab/contract/settings.ts), behind the sign-in: managers and admins
 * read; admins change. Every change names the version it was made from (`etag`).
 */
export function settingsRouter(workflow: WorkflowDeps): express.Router {
  const router = express.Router();
  router.use(at(paths.staff.replace(/\/staff$/, '')), (_req, res, next) => {
    noStore(res);
    next();
  });
  const json = express.json({ limit: '256kb' });
  const deps = workflow;

  router.get(at(paths.staff), answer(deps, (staff) => listStaffSettings(deps, staff, undefined), (v): StaffSettings => ({
    canEdit: v.canEdit,
    staff: v.staff.map((s) => ({ id: s.id, userId: s.userId, displayName: s.displayName, email: s.email, roles: s.roles, active: s.active, capacityHours: s.capacityHours, etag: s.etag })),
  })));
  router.post(at(paths.staff), json, answer(deps, (staff, req) => addStaffMember(deps, staff, bodyOf(req.body)), saved, () => 201));
  router.put(withParam(paths.staffMember, 'id'), json, answer(deps, (staff, req) => changeStaffMember(deps, staff, { ...bodyOf(req.body), id: req.params.id }), saved));

  router.get(at(paths.schools), answer(deps, (staff) => listSchoolSettings(deps, staff, undefined), (v): SchoolSettings => ({
    canEdit: v.canEdit,
    schools: v.schools.map(({ id, etag, name, urn, type, phase, localAuthority, headteacher, senco, finance, termCalendarId, universalOfferYears }) => ({
      id, etag, name, urn, type, phase, localAuthority, headteacher, senco, finance, ...(termCalendarId ? { termCalendarId } : {}), universalOfferYears,
    })),
    termCalendars: v.termCalendars,
    defaultTermCalendarId: v.defaultTermCalendarId,
  })));
  router.post(at(paths.schools), json, answer(deps, (staff, req) => addSchool(deps, staff, bodyOf(req.body)), saved, () => 201));
  router.put(withParam(paths.school, 'id'), json, answer(deps, (staff, req) => changeSchool(deps, staff, { ...bodyOf(req.body), id: req.params.id }), saved));

  router.get(at(paths.purchases), answer(deps, (staff, req) => listPurchaseSettings(deps, staff, req.query.year === undefined ? {} : { financialYear: req.query.year }),
    (v): PurchaseSettings => ({
      canEdit: v.canEdit,
      financialYear: v.financialYear,
      years: v.years,
      purchases: v.purchases.map((p) => ({
        id: p.id, schoolId: p.schoolId, schoolName: p.schoolName, packageCode: p.packageCode, packageName: p.packageName, financialYear: p.financialYear, purchasedOn: p.purchasedOn,
        ...(p.purchaseOrderNumber ? { purchaseOrderNumber: p.purchaseOrderNumber } : {}), invoiceStatus: p.invoiceStatus, hours: p.hours, price: p.price, ...(p.caseReference ? { caseReference: p.caseReference } : {}),
      })),
    })));
  router.post(at(paths.purchases), json, answer(deps, (staff, req) => recordPurchaseSetting(deps, staff, bodyOf(req.body)), saved, (v) => (v.repeated ? 200 : 201)));

  router.get(at(paths.priceLists), answer(deps, (staff) => listPriceLists(deps, staff, undefined), (v): PriceListSettings => v));
  router.put(withParam(paths.priceList, 'year'), json, answer(deps, (staff, req) => {
    const { etag, ...list } = bodyOf(req.body);
    return replacePriceList(deps, staff, { financialYear: req.params.year, list, etag });
  }, saved));

  router.get(at(paths.termCalendars), answer(deps, (staff) => listTermCalendars(deps, staff, undefined), (v): TermCalendarSettings => v));
  router.put(withParam(paths.termCalendar, 'id'), json, answer(deps, (staff, req) => {
    const { etag, ...calendar } = bodyOf(req.body);
    return replaceTermCalendar(deps, staff, { id: req.params.id, calendar, etag });
  }, saved));

  router.get(at(paths.teamChannel), answer(deps, (staff) => getTeamChannel(deps, staff, undefined), (v): TeamChannelSetting => v));
  router.put(at(paths.teamChannel), json, answer(deps, (staff, req) => setTeamChannel(deps, staff, bodyOf(req.body)), saved));
  return router;
}
