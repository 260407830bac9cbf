/** The HTTP status a connector error carries (the Agents SDK's HttpError has `status`), if any. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** Teams answers these when a conversation or message is gone, or the app was removed. */
export const isGoneStatus = (error: unknown): boolean => [403, 404].includes(httpStatusOf(error) ?? 0);
