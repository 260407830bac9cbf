import { z } from 'zod';
import { PriceList } from '../../model/priceList';
import { TermCalendar } from '../../model/termDates';

/** A Teams channel's id as Teams gives it: 19:<code>@thread.<kind> (tacv2 for a team's channel). */
export const channelIdRule = 'must be a Teams channel id like 19:abc...@thread.tacv2 (or empty: no channel posts)';
export const TeamChannelId = z.string().trim().regex(/^19:[^\s@/]+@thread\.[A-Za-z0-9]+$/, channelIdRule);

/** The stored team channel (absent: nothing is posted to a channel), as stored: checked when it was saved (the Playground's channel id, kept unchanged, is not in Teams' form). */
export const TeamChannelValue = z.object({ channelId: z.string().trim().min(1).optional() });
export type TeamChannelValue = z.infer<typeof TeamChannelValue>;

/** What each kind of stored setting holds (validated again when read back: a hand-edited item cannot break the process). */
export const settingSchemas = { 'price-list': PriceList, 'term-calendar': TermCalendar, 'team-channel': TeamChannelValue } as const;
