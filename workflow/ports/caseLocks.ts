/**
 * One action on a case at a time: while a write on a case is in flight, other writes on the same
 * case wait their turn (they then see what the first one wrote). Writes on other cases are not
 * held up. The in-memory adapter (app/bot/caseLocks.ts) serialises within one app instance only;
 * several instances would need a shared lease (an item in a SharePoint list taken with If-Match).
 */
export interface CaseLocks {
  /** Runs `work` once no other work holds `caseId`, and releases it when `work` settles (even by throwing). */
  withCase<T>(caseId: string, work: () => Promise<T>): Promise<T>;
}
