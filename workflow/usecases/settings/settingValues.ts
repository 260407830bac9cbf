import { z } from 'zod';
import { PriceList } from '../../model/priceList';
import { TermCalendar } from '../../model/termDates';

/** A Teams channel's id as Teams gives it: 19:<code>@thread.<kind> (tacv2 for a team's channel). */
export const TeamChannelId = z.string().trim().regex(/^19:[^\s@/]+@thread\.[A-Za-z0-9]+$/, 'must be a Teams channel id like 19:abc...@thread.tacv2 (or empty: no channel posts)');

/** The stored team channel: absent channelId means nothing is posted to a channel. */
export const TeamChannelValue = z.object({ channelId: TeamChannelId.optional() });
export type TeamChannelValue = z.infer<typeof TeamChannelValue>;

/** What each kind of stored setting holds (validated again when read back: a hand-edited item cannot break the process). */
export const settingSchemas = { 'price-list': PriceList, 'term-calendar': TermCalendar, 'team-channel': TeamChannelValue } as const;
