// Loaded on demand (the Share to stage button), so the panel's first load does not carry TeamsJS's meeting module.
import { app, meeting } from '@microsoft/teams-js';
import { TeamsError } from './errors';

function ensureReady(call: string): void {
  if (!app.isInitialized()) throw new TeamsError('notInitialized', `Call initializeTeams() before ${call}.`);
}

/** Shares `contentUrl` (a page of this app) to the meeting stage for everyone in the meeting. */
export function shareToStage(contentUrl: string): Promise<void> {
  ensureReady('shareToStage()');
  return new Promise((resolve, reject) => {
    try {
      meeting.shareAppContentToStage((error, result) => {
        if (error || result === false) {
          const reason = error?.message ?? 'Teams said no';
          reject(
            new TeamsError(
              'notSupported',
              `Teams could not share to the stage (${reason}). Try again from the meeting.`,
            ),
          );
        } else resolve();
      }, contentUrl);
    } catch (error) {
      reject(new TeamsError('notSupported', error instanceof Error ? error.message : String(error)));
    }
  });
}
