import type { Notifier } from '../../workflow';
import type { AppLogger } from '../logger';

/**
 * Until the bot delivers notifications as Teams cards (the next bot issue), they are written to
 * the log with ids and kinds only: nothing is dropped silently, and no personal data is logged.
 */
export function loggedNotifier(logger: AppLogger): Notifier {
  return {
    async notify(n) {
      logger.info({ notification: n.kind, recipientId: n.recipientId, caseId: n.caseId, caseReference: n.caseReference }, 'notification not yet delivered to Teams');
    },
  };
}
