import { useCallback, useState } from 'react';
import type { IntroView, SessionView } from '../../../../src/contract';
import type { RoleSwitchAction } from '../../../../src/domain/intro';
import type { ApiClient } from '../../shared/api/client';
import { latestSessionView, publishSessionView, useSessionFeed } from '../../shared/hooks/sharedSessionView';

/** The hand-over as one panel sees it, with the step this person may take. */
export interface RoleSwitchState {
  readonly session: SessionView;
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly act: (action: RoleSwitchAction) => void;
}

/** Follows the intro's pending role switch and sends this person's request, cancel, accept or decline. */
export function useRoleSwitch(api: ApiClient, view: IntroView): RoleSwitchState {
  const introId = view.intro.id;
  const [session, setSession] = useState<SessionView>(() => latestSessionView(introId) ?? view.session);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  useSessionFeed(introId, setSession);

  const act = useCallback(
    (action: RoleSwitchAction) => {
      setBusy(true);
      setError(undefined);
      api.roleSwitch(introId, action).then(
        (next) => {
          publishSessionView(introId, next.session);
          setBusy(false);
        },
        (failure: unknown) => {
          setError(failure instanceof Error ? failure.message : 'That did not work. Try again.');
          setBusy(false);
        },
      );
    },
    [api, introId],
  );
  return { session, busy, error, act };
}
