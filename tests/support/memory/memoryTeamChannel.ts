import type { ChannelUpdate, TeamChannel } from '../../../workflow';

/** The team channel in memory: every post, in order; a repeat of a key is not posted again. */
export class MemoryTeamChannel implements TeamChannel {
  readonly posts: ChannelUpdate[] = [];

  async post(update: ChannelUpdate): Promise<void> {
    await Promise.resolve();
    if (this.posts.some((p) => p.key === update.key)) return;
    this.posts.push({ ...update });
  }
}
