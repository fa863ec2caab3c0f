import type { ApiClient } from '../shared/api/client';
import { isSignInProblem, isTransient } from '../shared/api/errors';
import { flushOtherIntros } from '../notes/otherIntros';
import type { Session } from '../../../src/domain/session';
import { alreadyApplied, exclusive, flushAllQueued, type SendOutcome } from '../live/session/actionQueue';
import { browserStorage } from '../shared/deviceStorage';

/**
 * Sends what this device kept for the person from an earlier visit: unsent notes, then queued session actions (in
 * order, with the times they were pressed), for every intro.
 */
export async function sendKept(api: ApiClient, person: { tenantId: string; userId: string }): Promise<void> {
  const kept = browserStorage();
  const sessions = new Map<string, Session>();
  // Notes first: a kept End sends the leader's recap, which must include what was written offline.
  // No intro is open here, so every intro's kept notes count as "other".
  await flushOtherIntros(api, kept, { ...person, introId: '' });
  await exclusive(() =>
    flushAllQueued(kept, person, async (introId, action): Promise<SendOutcome> => {
      try {
        // Asked once per intro: only the first kept action can be one whose answer was lost.
        if (!sessions.has(introId)) {
          const poll = await api.pollSession(introId, undefined);
          if (poll.changed) sessions.set(introId, poll.view.session);
          if (poll.changed && alreadyApplied(poll.view.session, action)) return 'sent';
        }
        await api.sessionAction(introId, action);
        return 'sent';
      } catch (failure) {
        return isTransient(failure) || isSignInProblem(failure) ? 'later' : 'refused';
      }
    }),
  );
}
