import type { Notification, Notifier } from '../../../workflow';

/** Teams notifications in memory: every one sent, copied, in order; a repeat of a key is not sent again. */
export class MemoryNotifier implements Notifier {
  readonly sent: Notification[] = [];

  async notify(notification: Notification): Promise<void> {
    await Promise.resolve();
    if (this.sent.some((n) => n.key === notification.key)) return;
    this.sent.push({ ...notification });
  }
}
