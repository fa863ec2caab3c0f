import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { IntroView, SessionView } from '../../../../src/contract';
import { sessionTag } from '../../../../src/domain/sessionTag';
import type { RoleSwitchAction } from '../../../../src/domain/intro';
import type { ApiClient } from '../../shared/api/client';
import type { IntroState } from '../../shared/hooks/useMeetingIntro';

type Listener = (view: SessionView) => void;
const listeners = new Map<string, Set<Listener>>();
const latest = new Map<string, SessionView>();

/**
 * Shares the newest session view of an intro (from the panel's one session poll, or a role-switch answer) with the
 * parts of the panel that follow who leads; an older view than the last one shared is ignored.
 */
export function publishSessionView(introId: string, view: SessionView): void {
  const known = latest.get(introId);
  if (known && sessionTag(view) < sessionTag(known)) return;
  latest.set(introId, view);
  listeners.get(introId)?.forEach((listener) => listener(view));
}

/** Calls `onView` with each newer session view shared for `introId` (none while it is undefined). */
function useSessionFeed(introId: string | undefined, onView: Listener): void {
  useEffect(() => {
    if (introId === undefined) return;
    const own = listeners.get(introId) ?? new Set<Listener>();
    listeners.set(introId, own);
    own.add(onView);
    return () => void own.delete(onView);
  }, [introId, onView]);
}

/** The intro as this person sees it once `leaderId` leads: leader and member swapped, and their role with them. */
function followLeader(view: IntroView, leaderId: string): IntroView {
  const { intro } = view;
  if (intro.leader.id === leaderId || intro.member?.id !== leaderId) return view;
  const me = view.role === 'leader' ? intro.leader : intro.member;
  return {
    ...view,
    intro: { ...intro, leader: intro.member, member: intro.leader },
    role: me.id === leaderId ? 'leader' : 'member',
  };
}

/** Keeps a ready intro's roles in step with who the shared session says leads. */
export function useFollowLeader(state: IntroState, setState: Dispatch<SetStateAction<IntroState>>): void {
  const introId = state.status === 'ready' ? state.view.intro.id : undefined;
  const onView = useCallback(
    (session: SessionView) =>
      setState((previous) => {
        if (previous.status !== 'ready') return previous;
        const view = followLeader(previous.view, session.leaderId);
        return view === previous.view ? previous : { status: 'ready', view };
      }),
    [setState],
  );
  useSessionFeed(introId, onView);
}

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
  const [session, setSession] = useState<SessionView>(() => latest.get(introId) ?? view.session);
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
