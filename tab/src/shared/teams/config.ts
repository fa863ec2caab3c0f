import { pages } from '@microsoft/teams-js';
import { app } from '@microsoft/teams-js';
import { TeamsError } from './errors';

/** What a configurable tab saves when the person clicks Save in the Teams setup dialog. */
interface TabConfig {
  readonly contentUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/** Lets Teams save the tab with `config` and marks the configuration valid. */
export function registerTabConfig(config: TabConfig): void {
  if (!app.isInitialized())
    throw new TeamsError('notInitialized', 'Call initializeTeams() before registerTabConfig().');
  if (!pages.config.isSupported()) {
    throw new TeamsError('notSupported', 'This Teams client cannot configure tabs here; add the app from a meeting.');
  }
  pages.config.registerOnSaveHandler((event) => {
    pages.config.setConfig({ ...config, websiteUrl: config.contentUrl }).then(
      () => event.notifySuccess(),
      (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
    );
  });
  void pages.config.setValidityState(true);
}
