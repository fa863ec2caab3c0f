import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsTheme } from './shared/teams';

// All three themes ship with the first paint (~1.4 KB gz): a dark or high-contrast Teams never flashes light.
const THEMES: Readonly<Record<TeamsTheme, Theme>> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** A Fluent theme with the Teams theme it matches. */
interface AppliedTheme {
  readonly name: TeamsTheme;
  readonly theme: Theme;
}

/** The Fluent theme that matches a Teams theme. */
export function fluentThemeFor(name: TeamsTheme): AppliedTheme {
  return { name, theme: THEMES[name] };
}
