import { Badge, Caption1, Spinner, Subtitle2 } from '@fluentui/react-components';
import { AgendaList } from '../AgendaList/AgendaList';
import { IntroSetup } from '../IntroSetup';
import { LoadError } from '../LoadError';
import { SessionSummary } from '../SessionSummary/SessionSummary';
import type { SidePanelState } from './useSidePanel';
import type { useSidePanelStyles } from './useSidePanelStyles.styles';

type Styles = ReturnType<typeof useSidePanelStyles>;

function renderBody(state: SidePanelState) {
  const { intro, clock } = state;
  switch (intro.status) {
    case 'loading':
      return <Spinner size="small" label="Loading the intro…" />;
    case 'error':
      return <LoadError message={intro.message} onRetry={state.retry} />;
    case 'none':
      return <IntroSetup settingUp={intro.settingUp} error={intro.setupError} onSetUp={state.setUp} />;
    case 'ready':
      return (
        <>
          {clock && <SessionSummary clock={clock} />}
          <AgendaList agenda={intro.view.agenda} clock={clock} />
          {intro.stale && <Caption1>Reconnecting… the times shown may be a few seconds old.</Caption1>}
        </>
      );
  }
}

/** Renders the side panel from its state. */
export function renderSidePanel(state: SidePanelState, styles: Styles) {
  const role = state.intro.status === 'ready' ? state.intro.view.role : undefined;
  return (
    <main className={styles.root} aria-label="Intro 1:1 side panel">
      <header className={styles.header}>
        <Subtitle2 as="h1" className={styles.heading}>
          Intro 1:1
        </Subtitle2>
        {role && (
          <Badge appearance="outline" color={role === 'leader' ? 'brand' : 'informative'}>
            {role === 'leader' ? 'You lead' : 'You take part'}
          </Badge>
        )}
      </header>
      {renderBody(state)}
    </main>
  );
}
