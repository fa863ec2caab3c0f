export {
  initializeTeams,
  connectToHost,
  teamsEnvIfReady,
  onThemeChange,
  getSsoToken,
  toTeamsTheme,
  INIT_TIMEOUT_MS,
  IFRAME_INIT_TIMEOUT_MS,
  openTeamsLink,
} from './teams';
export type { TeamsEnv, TeamsTheme, InitializeOptions } from './teams';
export { registerTabConfig } from './config';
export type { TabConfig } from './config';
export { TeamsError, NOT_IN_HOST_MESSAGE } from './errors';
export type { TeamsErrorCode } from './errors';
export { onResume } from './lifecycle';
