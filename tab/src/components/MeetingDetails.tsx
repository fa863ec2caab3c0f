import { Spinner } from '@fluentui/react-components';
import type { ApiClient } from '../api/client';
import { useMeetingIntro } from '../hooks/useMeetingIntro';
import { AgendaList } from './AgendaList/AgendaList';
import { IntroSetup } from './IntroSetup';
import { LoadError } from './LoadError';
import { Page } from './Page';

/** Props of the meeting details page. */
export interface MeetingDetailsProps {
  readonly api: ApiClient;
  readonly meetingId: string;
}

const NO_POLL_MS = 60_000;

/** The meeting's details tab: the intro's agenda before the call. */
export function MeetingDetails({ api, meetingId }: MeetingDetailsProps) {
  const { state, retry, setUp } = useMeetingIntro(api, meetingId, NO_POLL_MS);
  return (
    <Page title="Meeting details">
      {state.status === 'loading' && <Spinner size="small" label="Loading the intro…" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={retry} />}
      {state.status === 'none' && <IntroSetup settingUp={state.settingUp} error={state.setupError} onSetUp={setUp} />}
      {state.status === 'ready' && <AgendaList agenda={state.view.agenda} />}
    </Page>
  );
}
