import type { Stores, WorkflowConfig } from '../../workflow';
import type { AppLogger } from '../logger';
import { demoAcademicYears, loadDemoHistory } from './demoHistory';

/** Referrals in a whole demo year: a small service's, and quick to write at a first start. */
export const DEMO_CASES_PER_YEAR = 20;

/**
 * A first start on the embedded Graph: when there are no cases yet, the fictional history of the
 * academic year before today's and of this one up to today (DEMO_HISTORY=off: none).
 */
export async function seedDemoHistory(stores: Stores, config: WorkflowConfig, now: Date, logger: Pick<AppLogger, 'info'>): Promise<void> {
  if ((await stores.cases.list()).length > 0) return;
  const today = now.toISOString().slice(0, 10);
  const started = Date.now();
  const counts = await loadDemoHistory(stores, config, { academicYears: demoAcademicYears(today), casesPerYear: DEMO_CASES_PER_YEAR, until: today }, 16);
  logger.info({ ...counts, ms: Date.now() - started }, 'demo history of cases written into the embedded Graph');
}
