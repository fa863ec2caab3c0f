export { initializeTeams, connectToHost, teamsEnvIfReady, onThemeChange, getSsoToken, openTeamsLink } from './teams';
export type { TeamsEnv, TeamsTheme } from './teams';
export { registerTabConfig } from './config';
export { TeamsError } from './errors';
export { onResume } from './lifecycle';
