/** What the bot logs: ids and codes only, never a child's or parent's details. */
export interface BotLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
