import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createApi } from '../api';
import { ThemeNameContext } from '../context';
import { useHashRoute } from '../hooks/useHashRoute';
import { demoBearer, storeDemoSession, storedDemoSession, type Session } from '../session';
import { onTeamsThemeChange, teamsToken, type TeamsStart } from '../teams';
import { fluentTheme, parseThemeName, type ThemeName } from '../theme';
import { AppHeader } from './AppHeader';
import { ConfigPage } from './ConfigPage';
import { SignedIn } from './SignedIn';
import { SignInPage } from './SignInPage';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  main: { flex: '1', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, maxWidth: '1400px', width: '100%', boxSizing: 'border-box', margin: '0 auto', '@media (max-width: 640px)': { padding: tokens.spacingHorizontalS } },
});

const themeKey = 'outreach.theme';

/** Outside Teams: `?theme=` (tests), else the last choice, else the system's preference. */
function initialTheme(): ThemeName {
  const fromQuery = parseThemeName(new URLSearchParams(window.location.search).get('theme'));
  if (fromQuery) return fromQuery;
  try {
    const stored = parseThemeName(window.localStorage.getItem(themeKey));
    if (stored) return stored;
  } catch {
    // storage blocked
  }
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function TabRoot({ start }: { start: TeamsStart }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(() => start.theme ?? initialTheme());
  const [session, setSession] = useState<Session | undefined>(() => (start.inTeams ? { kind: 'teams' } : storedDemoSession()));
  const [notice, setNotice] = useState<string>();
  const route = useHashRoute();

  useEffect(() => {
    if (start.inTeams) onTeamsThemeChange(setTheme);
  }, [start.inTeams]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [theme]);

  const chooseTheme = useCallback((next: ThemeName) => {
    setTheme(next);
    try {
      window.localStorage.setItem(themeKey, next);
    } catch {
      // storage blocked: the choice lasts as long as the page
    }
  }, []);

  const signOut = useCallback((message?: string) => {
    storeDemoSession(undefined);
    setSession(undefined);
    setNotice(message);
  }, []);
  const signIn = useCallback((next: Session) => {
    if (next.kind === 'demo') storeDemoSession(next.userId);
    setNotice(undefined);
    setSession(next);
  }, []);

  const api = useMemo(() => {
    if (!session) return undefined;
    const token = session.kind === 'teams' ? teamsToken : () => Promise.resolve(demoBearer(session.userId));
    return createApi(token, (message) => signOut(message));
  }, [session, signOut]);

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.root}>
      <ThemeNameContext.Provider value={theme}>
        <AppHeader theme={theme} onTheme={start.inTeams ? undefined : chooseTheme} />
        <main id="main" className={styles.main}>
          {route.page === 'config' ? (
            <ConfigPage inTeams={start.inTeams} />
          ) : api && session ? (
            <SignedIn api={api} route={route} demo={session.kind === 'demo'} onSignOut={signOut} />
          ) : (
            <SignInPage inTeams={start.inTeams} notice={notice} onSignIn={signIn} />
          )}
        </main>
      </ThemeNameContext.Provider>
    </FluentProvider>
  );
}
