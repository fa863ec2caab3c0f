import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TeamsTheme } from './shared/teams';

const loaded = new Map<TeamsTheme, Theme>([['default', teamsLightTheme]]);

/** The Fluent theme that matches a Teams theme; dark and high contrast load on first use. */
export async function loadFluentTheme(theme: TeamsTheme): Promise<Theme> {
  const known = loaded.get(theme);
  if (known) return known;
  const { teamsDarkTheme, teamsHighContrastTheme } = await import('./otherThemes');
  loaded.set('dark', teamsDarkTheme);
  loaded.set('contrast', teamsHighContrastTheme);
  return theme === 'dark' ? teamsDarkTheme : teamsHighContrastTheme;
}

/** A Fluent theme with the Teams theme it matches. */
export interface AppliedTheme {
  readonly name: TeamsTheme;
  readonly theme: Theme;
}

/** The Fluent theme for `wanted`; while it loads (a few ms, once), the one applied before it. */
export function useFluentTheme(wanted: TeamsTheme): AppliedTheme {
  const [applied, setApplied] = useState<AppliedTheme>({ name: 'default', theme: teamsLightTheme });
  useEffect(() => {
    if (loaded.has(wanted)) return;
    let alive = true;
    void loadFluentTheme(wanted).then((theme) => alive && setApplied({ name: wanted, theme }));
    return () => {
      alive = false;
    };
  }, [wanted]);
  const ready = loaded.get(wanted);
  return ready ? { name: wanted, theme: ready } : applied;
}
