import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsTheme } from './shared/teams';

/** The Fluent theme that matches a Teams theme. */
export function fluentThemeFor(theme: TeamsTheme): Theme {
  switch (theme) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    case 'default':
      return teamsLightTheme;
  }
}
