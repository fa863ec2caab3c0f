import { useCallback, useEffect, useRef, useState } from 'react';
import type { IntroView } from '../../../src/domain/api';
import type { ApiClient } from '../api/client';

/** How often the panel refreshes the shared session until it gets pushed updates. */
export const POLL_MS = 2000;

/** What the panel knows about the meeting's intro. */
export type IntroState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'none'; readonly settingUp: boolean; readonly setupError?: string }
  | {
      readonly status: 'ready';
      readonly view: IntroView;
      /** Server time minus client time when the view arrived, to correct the client's clock. */
      readonly offsetMs: number;
      readonly stale: boolean;
    };

/** The meeting's intro, refreshed by polling, with the actions the panel offers. */
export interface MeetingIntro {
  readonly state: IntroState;
  readonly retry: () => void;
  readonly setUp: () => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}

function readyState(view: IntroView): IntroState {
  return { status: 'ready', view, offsetMs: view.session.serverNow - Date.now(), stale: false };
}

/** Loads the intro for `meetingId`, polls it every `pollMs`, and can set one up when there is none. */
export function useMeetingIntro(api: ApiClient, meetingId: string, pollMs = POLL_MS): MeetingIntro {
  const [state, setState] = useState<IntroState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const alive = useRef(true);

  const load = useCallback(
    async (isPoll: boolean) => {
      try {
        const view = await api.getMeetingIntro(meetingId);
        if (!alive.current) return;
        setState((previous) =>
          view ? readyState(view) : previous.status === 'none' ? previous : { status: 'none', settingUp: false },
        );
      } catch (error) {
        if (!alive.current) return;
        setState((previous) =>
          isPoll && previous.status === 'ready'
            ? { ...previous, stale: true }
            : isPoll && previous.status === 'none'
              ? previous
              : { status: 'error', message: messageOf(error) },
        );
      }
    },
    [api, meetingId],
  );

  useEffect(() => {
    alive.current = true;
    void load(false);
    const timer = setInterval(() => void load(true), pollMs);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [load, pollMs, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const setUp = useCallback(() => {
    setState({ status: 'none', settingUp: true });
    api.startMeetingIntro(meetingId).then(
      (view) => alive.current && setState(readyState(view)),
      (error: unknown) => alive.current && setState({ status: 'none', settingUp: false, setupError: messageOf(error) }),
    );
  }, [api, meetingId]);

  return { state, retry, setUp };
}
