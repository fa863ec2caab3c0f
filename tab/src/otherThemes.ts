// Its own chunk: the dark and high-contrast themes load when Teams asks for them, not with the light first paint.
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
