import { useState } from 'react';
import type { ShareResult } from '../../../src/contract';
import type { SharedMark } from '../../../src/domain/intro';
import type { ShareablePart } from '../../../src/domain/recap';
import { ApiError, type ApiClient } from '../shared/api/client';

/** Where a send stands: the last send (from the intro, or this one), and an error that stays until the next try. */
interface ShareState {
  readonly chosen: ReadonlySet<ShareablePart>;
  readonly sending: boolean;
  readonly last?: SharedMark;
  readonly error?: string;
}

/** Which lists to send, the send itself, and what came of it. */
export function useShareWithMember(api: ApiClient, introId: string, sharedBefore: SharedMark | undefined) {
  const [state, setState] = useState<ShareState>({
    chosen: new Set<ShareablePart>(['goals', 'followUps']),
    sending: false,
    ...(sharedBefore ? { last: sharedBefore } : {}),
  });
  const toggle = (part: ShareablePart, on: boolean) =>
    setState((now) => {
      const chosen = new Set(now.chosen);
      if (on) chosen.add(part);
      else chosen.delete(part);
      return { ...now, chosen };
    });
  const send = async (parts: readonly ShareablePart[]) => {
    setState((now) => ({ ...now, sending: true, error: undefined }));
    try {
      const result: ShareResult = await api.shareWithMember(introId, [...parts]);
      setState((now) => ({ ...now, sending: false, last: result.shared }));
    } catch (error) {
      const message =
        error instanceof ApiError ? error.message : 'Could not send. Check your connection and try again.';
      setState((now) => ({ ...now, sending: false, error: message }));
    }
  };
  return { state, toggle, send };
}
