import { FluentProvider } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { createApiClient } from './shared/api/client';
import { loadDevValidator } from './shared/api/devValidation';
import { Busy } from './shared/components/Busy';
import { NotInHost } from './shared/components/NotInHost';
import { SidePanel } from './sidePanel/SidePanel';
import { useTeams } from './shared/hooks/useTeams';
import { routeFor } from './routes';
import { getSsoToken, teamsEnvIfReady, type TeamsEnv } from './shared/teams';
import { fluentThemeFor } from './theme';
import { useAppStyles } from './useAppStyles.styles';

// Pages other than the side panel load on demand.
const StagePage = lazy(() => import('./stage/StagePage').then((m) => ({ default: m.StagePage })));
const PersonalTab = lazy(() => import('./personal/PersonalTab').then((m) => ({ default: m.PersonalTab })));
const MeetingDetails = lazy(() =>
  import('./meetingDetails/MeetingDetails').then((m) => ({ default: m.MeetingDetails })),
);
const ConfigPage = lazy(() => import('./sidePanel/ConfigPage').then((m) => ({ default: m.ConfigPage })));

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Busy label="Loading…" />}>{children}</Suspense>;
}

function Routed({ env }: { env: TeamsEnv }) {
  const api = useMemo(() => createApiClient({ getToken: getSsoToken, loadValidator: loadDevValidator }), []);
  const route = routeFor(window.location.search, env.frameContext);
  const noMeeting = (
    <NotInHost title="No meeting" message="Open Intro 1:1 from a Teams meeting to see its agenda and timer." />
  );
  switch (route) {
    case 'sidePanel':
      return env.meetingId ? <SidePanel api={api} meetingId={env.meetingId} appId={env.appId} /> : noMeeting;
    case 'stage':
      return env.meetingId ? <Later>{<StagePage api={api} meetingId={env.meetingId} />}</Later> : noMeeting;
    case 'meetingDetails':
      return env.meetingId ? <Later>{<MeetingDetails api={api} meetingId={env.meetingId} />}</Later> : noMeeting;
    case 'config':
      return <Later>{<ConfigPage />}</Later>;
    case 'history':
      return (
        <Later>
          <PersonalTab api={api} me={env.userId} tenantId={env.tenantId} appId={env.appId} subPageId={env.subPageId} />
        </Later>
      );
    case 'unknown':
      return <NotInHost title="Nothing to show here" message="This Intro 1:1 page does not fit this place in Teams." />;
  }
}

/** The tab: connects to Teams, applies its theme and shows the page for this frame. */
export function App() {
  const { state, theme } = useTeams();
  // When the host answered before the first render (main.tsx), that render is already the page, not "Connecting".
  const [early] = useState(teamsEnvIfReady);
  const env = state.status === 'ready' ? state.env : state.status === 'starting' ? early : undefined;
  const fluent = fluentThemeFor(state.status === 'starting' && early ? early.theme : theme);
  const styles = useAppStyles();
  return (
    <FluentProvider theme={fluent.theme} className={styles.provider} data-teams-theme={fluent.name}>
      {state.status === 'starting' && !early && <Busy label="Connecting to Teams…" />}
      {state.status === 'failed' && <NotInHost title={state.title} message={state.message} />}
      {env && <Routed env={env} />}
    </FluentProvider>
  );
}
