import type { ApiClient } from '../shared/api/client';
import { useMeetingIntro, type IntroState } from '../shared/hooks/useMeetingIntro';

/** Props of the meeting side panel. */
export interface SidePanelProps {
  readonly api: ApiClient;
  readonly meetingId: string;
  /** How often to poll the session; 1 s by default. */
  readonly pollMs?: number;
  /** This app's id in Teams, for links to its chat and History. */
  readonly appId?: string;
}

/** Everything the side panel renders. */
export interface SidePanelState {
  readonly api: ApiClient;
  readonly intro: IntroState;
  readonly pollMs: number | undefined;
  readonly appId: string | undefined;
  readonly retry: () => void;
  readonly setUp: () => void;
}

/** Loads the meeting's intro, or offers to set one up or join it. */
export function useSidePanel({ api, meetingId, pollMs, appId }: SidePanelProps): SidePanelState {
  const { state, retry, setUp } = useMeetingIntro(api, meetingId);
  return { api, intro: state, pollMs, appId, retry, setUp };
}
