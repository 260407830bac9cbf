import { storeServiceHistory } from '../../ports/serviceHistory';
import type { Figures } from '../../reporting/figureTable';
import { periodAndFilters } from '../../reporting/figuresQuery';
import { serviceFigures } from '../../reporting/serviceFigures';
import { ok } from '../../result';
import { requireRole } from '../../rules/access';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { now } from '../support/time';

/**
 * The service's figures for the manager's dashboard (managers and admins): the query is
 * `FiguresQuery` of tab/contract/dashboard.ts. The history is read once; each view is audited
 * with the period and filters only (figures name no child).
 */
export const dashboardFigures: UseCase<unknown, Figures> = async (deps, actor, query) => {
  const allowed = requireRole(actor, ['manager', 'admin'], "see the service's figures");
  if (!allowed.ok) return allowed;
  const { at, today } = now(deps);
  const [staff, schools] = await Promise.all([deps.stores.staff.list(), deps.stores.schools.list()]);
  const asked = periodAndFilters(query, today, { schools, staff, priceLists: deps.config.priceLists });
  if (!asked.ok) return asked;
  const { period, filters } = asked.value;
  const history = await (deps.history ?? storeServiceHistory(deps.stores)).read();
  const figures = serviceFigures({ history, schools, staff, priceLists: deps.config.priceLists, period, filters, today }, at);
  await audit(deps, actor, 'figures.viewed', undefined, `${actor.userId}:${at}:${deps.ids.randomCode(8)}`, {
    from: period.from,
    to: period.to,
    ...(filters.schoolId !== undefined ? { schoolId: filters.schoolId } : {}),
    ...(filters.workerId !== undefined ? { workerId: filters.workerId } : {}),
    ...(filters.packageCode !== undefined ? { packageCode: filters.packageCode } : {}),
  });
  return ok(figures);
};
