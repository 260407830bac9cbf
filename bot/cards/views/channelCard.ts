import type { ChannelUpdate } from '../../../workflow';
import type { AdaptiveCardJson } from '../card';
import { composeCard } from '../outcomes';

const titles: Record<ChannelUpdate['kind'], string> = {
  'referral-logged': 'New referral',
  'case-allocated': 'Case allocated',
  'contract-decided': 'Contract decided',
};

/** A post in the team channel: what happened to which case, by reference only (no names, no buttons). */
export function channelCard(update: ChannelUpdate): AdaptiveCardJson {
  return composeCard({
    body: [
      { type: 'TextBlock', text: `${titles[update.kind]}: ${update.caseReference}`, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: update.text, wrap: true, spacing: 'Small' },
    ],
  });
}
