import { z } from 'zod';

/** What packaging fills into the template's `{{NAME}}` placeholders. */
export const packagingValuesSchema = z.object({
  TEAMS_APP_ID: z.guid(),
  BOT_ID: z.guid(),
  PUBLIC_HOSTNAME: z.string().regex(/^[a-z0-9.-]+$/i),
  VERSION: z.string().regex(/^\d+\.\d+\.\d+$/),
  ACCENT_COLOR: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type PackagingValues = z.infer<typeof packagingValuesSchema>;

/** A bot command as the manifest lists it (title is what the user types). */
export interface ManifestCommand {
  title: string;
  description: string;
}

const placeholder = /\{\{([A-Z_]+)\}\}/g;

const fillString = (text: string, values: Readonly<Record<string, string>>, unknown: Set<string>): string =>
  text.replace(placeholder, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) unknown.add(name);
    return value ?? whole;
  });

const fillValue = (value: unknown, values: Readonly<Record<string, string>>, unknown: Set<string>): unknown => {
  if (typeof value === 'string') return fillString(value, values, unknown);
  if (Array.isArray(value)) return value.map((item) => fillValue(item, values, unknown));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillValue(item, values, unknown)]));
  }
  return value;
};

const botsSchema = z.object({ bots: z.array(z.object({ commandLists: z.array(z.object({ commands: z.array(z.unknown()) }).loose()).optional() }).loose()) }).loose();

/**
 * The manifest for one deployment: every `{{NAME}}` placeholder in the template replaced (an unknown
 * one is an error, never left in), and, when given, the bot's command list replaced by `commands`
 * (the bot's own list, so the menu and the bot cannot disagree).
 */
export function fillManifest(template: unknown, rawValues: PackagingValues, commands?: readonly ManifestCommand[]): Record<string, unknown> {
  const values = packagingValuesSchema.parse(rawValues);
  const unknown = new Set<string>();
  const filled = fillValue(template, values, unknown) as Record<string, unknown>;
  // Checked for shape only; the manifest returned keeps the template's key order.
  const { bots } = botsSchema.parse(filled);
  if (unknown.size > 0) throw new Error(`manifest template has placeholders with no value: ${[...unknown].join(', ')}`);
  if (commands) {
    if (commands.length === 0 || commands.length > 10) throw new Error(`a bot command list holds 1 to 10 commands, got ${commands.length}`);
    const lists = bots.flatMap((bot) => bot.commandLists ?? []);
    filled.bots = bots.map((bot) => ({
      ...bot,
      ...(bot.commandLists ? { commandLists: bot.commandLists.map((list) => ({ ...list, commands: commands.map(({ title, description }) => ({ title, description })) })) } : {}),
    }));
    if (lists.length === 0) throw new Error('the manifest template has no bot command list to fill');
  }
  return filled;
}
