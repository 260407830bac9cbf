import { markConversationStale, type Mailer, type Notification, type Notifier, type WorkflowDeps } from '../../workflow';
import type { AppLogger } from '../logger';
import { SentKeys } from './sentKeys';

/** Sends one notification card proactively to a stored conversation; says when Teams refused (403/404). */
export interface TeamsSender {
  send(reference: Record<string, unknown>, notification: Notification): Promise<'sent' | 'stale'>;
}

/**
 * Reaches a member of staff in Teams through their stored conversation reference; when there is
 * none, or Teams says it is stale, marks it and sends the same message by e-mail instead.
 */
export function teamsOrMailNotifier(deps: Pick<WorkflowDeps, 'stores' | 'clock'>, teams: TeamsSender, mailer: Mailer, serviceName: string, logger: AppLogger): Notifier {
  const sent = new SentKeys();
  return {
    async notify(notification) {
      if (sent.seen(notification.key)) return;
      const [conversation] = await deps.stores.conversations.find({ userId: notification.recipientId });
      if (conversation && !conversation.stale) {
        const outcome = await teams.send(conversation.reference, notification);
        if (outcome === 'sent') return;
        await markConversationStale(deps, notification.recipientId);
      }
      const [member] = await deps.stores.staff.find({ userId: notification.recipientId });
      if (!member) {
        logger.warn({ notification: notification.kind, recipientId: notification.recipientId }, 'notification recipient is not on the Staff list');
        return;
      }
      // The notification's own key: the in-process SentKeys forgets at a restart, the Mailer does not.
      await mailer.send(
        {
          to: [member.email],
          subject: `${serviceName}: case ${notification.caseReference}`,
          html: `<p>${escape(notification.summary)}</p><p>Open the Outreach Cases app in Teams to act on it.</p>`,
        },
        `notification:${notification.key}`,
      );
      logger.info({ notification: notification.kind, recipientId: notification.recipientId, caseId: notification.caseId }, 'notification sent by e-mail (no Teams conversation)');
    },
  };
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
