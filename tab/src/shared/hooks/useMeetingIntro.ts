import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { IntroView, SessionView } from '../../../../src/contract';
import type { ApiClient } from '../api/client';
import { useSessionFeed } from './sharedSessionView';

/** How often the panel looks for an intro while there is none to show. */
const POLL_MS = 2000;

/** What the panel knows about the meeting's intro. */
export type IntroState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'none'; readonly settingUp: boolean; readonly setupError?: string }
  /** Another person set it up; the caller can join as member. */
  | { readonly status: 'awaiting'; readonly message: string; readonly settingUp: boolean; readonly setupError?: string }
  | { readonly status: 'ready'; readonly view: IntroView };

/** The meeting's intro with the actions the panel offers. */
interface MeetingIntro {
  readonly state: IntroState;
  readonly retry: () => void;
  readonly setUp: () => void;
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
function useFollowLeader(state: IntroState, setState: Dispatch<SetStateAction<IntroState>>): void {
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}

/** Loads the intro for `meetingId`; looks again every `pollMs` until it has both people; can set one up or join it. */
export function useMeetingIntro(api: ApiClient, meetingId: string, pollMs = POLL_MS): MeetingIntro {
  const [state, setState] = useState<IntroState>({ status: 'loading' });
  useFollowLeader(state, setState);
  const [attempt, setAttempt] = useState(0);
  const alive = useRef(true);
  // The leader keeps looking until the member has joined, so their name (and last time's goals) appear.
  const settled = state.status === 'ready' && state.view.intro.member !== undefined;

  const load = useCallback(
    async (isPoll: boolean) => {
      try {
        const result = await api.getMeetingIntro(meetingId);
        if (!alive.current) return;
        setState((previous) => {
          if (result.kind === 'intro') return { status: 'ready', view: result.view };
          if ((previous.status === 'none' || previous.status === 'awaiting') && previous.settingUp) return previous;
          return result.kind === 'awaiting'
            ? { status: 'awaiting', message: result.message, settingUp: false }
            : { status: 'none', settingUp: false };
        });
      } catch (error) {
        if (!alive.current || isPoll) return;
        setState({ status: 'error', message: messageOf(error) });
      }
    },
    [api, meetingId],
  );

  useEffect(() => {
    alive.current = true;
    if (settled) return;
    void load(false);
    const timer = setInterval(() => void load(true), pollMs);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [load, pollMs, attempt, settled]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const setUp = useCallback(() => {
    setState((previous) =>
      previous.status === 'awaiting' ? { ...previous, settingUp: true } : { status: 'none', settingUp: true },
    );
    api.startMeetingIntro(meetingId).then(
      (view) => alive.current && setState({ status: 'ready', view }),
      (error: unknown) =>
        alive.current &&
        setState((previous) =>
          previous.status === 'awaiting'
            ? { ...previous, settingUp: false, setupError: messageOf(error) }
            : { status: 'none', settingUp: false, setupError: messageOf(error) },
        ),
    );
  }, [api, meetingId]);

  return { state, retry, setUp };
}
