import { useEffect, useState } from 'react';
import { initializeTeams, onThemeChange, TeamsError, type TeamsEnv, type TeamsTheme } from '../teams';

/** Where the tab is in connecting to Teams. */
type TeamsState =
  | { readonly status: 'starting' }
  | { readonly status: 'failed'; readonly title: string; readonly message: string }
  | { readonly status: 'ready'; readonly env: TeamsEnv };

/** What the tab says while a host it is framed in has not answered yet. */
const SLOW_HOST_TITLE = 'Still connecting to Teams';

/** Connects to Teams once and follows the host's theme live; a slow host gets a hint, and the page recovers later. */
export function useTeams(): { state: TeamsState; theme: TeamsTheme } {
  const [state, setState] = useState<TeamsState>({ status: 'starting' });
  const [theme, setTheme] = useState<TeamsTheme>('default');
  useEffect(() => {
    let alive = true;
    const onSlow = (error: TeamsError) =>
      alive &&
      setState({
        status: 'failed',
        title: SLOW_HOST_TITLE,
        message: `Teams has not answered yet; this page carries on when it does. ${error.message}`,
      });
    initializeTeams({ onSlow }).then(
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
