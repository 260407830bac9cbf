/** Who the tab acts for: Teams SSO, or (outside Teams, embedded Graph only) a demo staff member. */
export type Session = { kind: 'teams' } | { kind: 'demo'; userId: string };

const key = 'outreach.demoUser';

export function storedDemoSession(): Session | undefined {
  try {
    const userId = window.sessionStorage.getItem(key);
    return userId ? { kind: 'demo', userId } : undefined;
  } catch {
    return undefined; // storage blocked (e.g. a strict iframe)
  }
}

export function storeDemoSession(userId: string | undefined): void {
  try {
    if (userId) window.sessionStorage.setItem(key, userId);
    else window.sessionStorage.removeItem(key);
  } catch {
    // storage blocked: the session lasts as long as the page
  }
}

/** The demo bearer the API accepts only with the embedded Graph. */
export const demoBearer = (userId: string): string => `embedded-dev:${userId}`;
