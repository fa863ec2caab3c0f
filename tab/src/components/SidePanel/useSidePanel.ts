import { viewAt, type ClockView } from '../../../../src/domain/session';
import type { ApiClient } from '../../api/client';
import { useMeetingIntro, type IntroState } from '../../hooks/useMeetingIntro';
import { useNow } from '../../hooks/useNow';

/** Props of the meeting side panel. */
export interface SidePanelProps {
  readonly api: ApiClient;
  readonly meetingId: string;
  /** How often to refresh the session; 2 s by default. */
  readonly pollMs?: number;
}

/** Everything the side panel renders. */
export interface SidePanelState {
  readonly intro: IntroState;
  /** The session clock at this second, corrected to the server's time; undefined until an intro is loaded. */
  readonly clock: ClockView | undefined;
  readonly retry: () => void;
  readonly setUp: () => void;
}

/** Loads the meeting's intro and derives its clock at the current second. */
export function useSidePanel({ api, meetingId, pollMs }: SidePanelProps): SidePanelState {
  const { state, retry, setUp } = useMeetingIntro(api, meetingId, pollMs);
  const now = useNow(1000);
  const clock =
    state.status === 'ready'
      ? viewAt(state.view.session.session, state.view.intro.durationMinutes, now + state.offsetMs)
      : undefined;
  return { intro: state, clock, retry, setUp };
}
