/** The team channel's id: typed, or pasted as a "Get link to channel" link, and checked. */
import type { TeamChannelChange } from '../../../../contract/settings';
import type { Read } from './numbers';

const channelIdShape = /^19:[^\s@/]+@thread\.(tacv2|skype)$/;

/** The id out of what was pasted: an id as it is, or the one inside a Teams channel link. */
export function channelIdFrom(text: string): string {
  const trimmed = text.trim();
  const inLink = /\/l\/channel\/([^/?#]+)/.exec(trimmed);
  if (!inLink?.[1]) return trimmed;
  try {
    return decodeURIComponent(inLink[1]);
  } catch {
    return trimmed;
  }
}

export function teamChannelChange(text: string, etag: string): Read<TeamChannelChange> {
  const id = channelIdFrom(text);
  if (id === '') return { ok: true, value: { etag } };
  if (!channelIdShape.test(id)) return { ok: false, message: 'Channel id: it starts with 19: and ends with @thread.tacv2, e.g. 19:a1b2c3…@thread.tacv2. Paste the channel\'s link if you have it.' };
  return { ok: true, value: { channelId: id, etag } };
}
