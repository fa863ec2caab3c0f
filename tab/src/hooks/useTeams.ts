import { useEffect, useState } from 'react';
import { initializeTeams, onThemeChange, TeamsError, type TeamsEnv, type TeamsTheme } from '../teams';

/** Where the tab is in connecting to Teams. */
export type TeamsState =
  | { readonly status: 'starting' }
  | { readonly status: 'failed'; readonly title: string; readonly message: string }
  | { readonly status: 'ready'; readonly env: TeamsEnv };

/** Connects to Teams once and follows the host's theme live. */
export function useTeams(): { state: TeamsState; theme: TeamsTheme } {
  const [state, setState] = useState<TeamsState>({ status: 'starting' });
  const [theme, setTheme] = useState<TeamsTheme>('default');
  useEffect(() => {
    let alive = true;
    initializeTeams().then(
      (env) => {
        if (!alive) return;
        setTheme(env.theme);
        setState({ status: 'ready', env });
        onThemeChange((next) => alive && setTheme(next));
      },
      (error: unknown) => {
        if (!alive) return;
        const notInHost = error instanceof TeamsError && error.code === 'notInHost';
        setState({
          status: 'failed',
          title: notInHost ? 'This tab runs inside Microsoft Teams' : 'Intro 1:1 could not start',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return { state, theme };
}
