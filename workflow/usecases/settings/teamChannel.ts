import { z } from 'zod';
import { ok } from '../../result';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import type { Saved } from './priceLists';
import { canEditSettings, mayChangeSettings, mayReadSettings } from './settingsAccess';
import { settingKeys } from './settingKeys';
import { TeamChannelId, type TeamChannelValue } from './settingValues';
import { etagOf, saveSetting, storedSettings } from './storedSettings';

export interface TeamChannelView {
  canEdit: boolean;
  channelId?: string;
  etag: string;
}

/** The Teams channel new referrals, allocations and contract decisions are posted in. */
export const getTeamChannel: UseCase<void, TeamChannelView> = async (deps, actor) => {
  const allowed = mayReadSettings(actor);
  if (!allowed.ok) return allowed;
  const stored = await storedSettings(deps);
  const channelId = deps.config.teamChannelId;
  return ok({ canEdit: canEditSettings(actor), ...(channelId ? { channelId } : {}), etag: etagOf(stored, settingKeys.teamChannel) });
};

const Change = z.object({
  // Empty: no channel posts.
  channelId: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), TeamChannelId.optional()),
  etag: z.string().min(1, 'say which version you changed (etag)'),
});

/** Sets the team channel (or none): the next post goes there. */
export const setTeamChannel: UseCase<unknown, Saved> = async (deps, actor, raw) => {
  const allowed = mayChangeSettings(actor, 'the team channel');
  if (!allowed.ok) return allowed;
  const input = parseInput(Change, raw);
  if (!input.ok) return input;
  const value: TeamChannelValue = input.value.channelId ? { channelId: input.value.channelId } : {};
  const saved = await saveSetting(deps, actor, settingKeys.teamChannel, value, input.value.etag, 'The team channel');
  if (!saved.ok) return saved;
  deps.config.teamChannelId = value.channelId;
  await audit(deps, actor, 'settings.team-channel.changed', undefined, `${settingKeys.teamChannel}:${saved.value.etag}`, { key: settingKeys.teamChannel, posting: value.channelId ? 'on' : 'off' });
  const message = value.channelId ? 'The team channel is saved: the next new referral, allocation or contract decision is posted there.' : 'No team channel now: nothing is posted to a channel.';
  return ok({ etag: saved.value.etag, message });
};
