import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { Busy } from '../shared/components/Busy';
import { IntroSetup } from './IntroSetup';
import { LiveIntro } from '../live/LiveIntro';
import { LoadError } from '../shared/components/LoadError';
import { RoleSwitch } from '../live/roleSwitch/RoleSwitch';
import type { SidePanelState } from './useSidePanel';
import type { useSidePanelStyles } from './useSidePanelStyles.styles';

type Styles = ReturnType<typeof useSidePanelStyles>;

function renderBody(state: SidePanelState, styles: Styles) {
  const { intro } = state;
  switch (intro.status) {
    case 'loading':
      return <Busy label="Loading the intro…" />;
    case 'error':
      return <LoadError message={intro.message} onRetry={state.retry} />;
    case 'none':
      return <IntroSetup settingUp={intro.settingUp} error={intro.setupError} onSetUp={state.setUp} />;
    case 'awaiting':
      return (
        <div className={styles.join}>
          <Text>{intro.message} Join to see the agenda and timer and keep your own private notes.</Text>
          {intro.setupError && <Text role="alert">{intro.setupError}</Text>}
          <Button appearance="primary" disabled={intro.settingUp} onClick={state.setUp}>
            Join
          </Button>
        </div>
      );
    case 'ready':
      return <LiveIntro api={state.api} view={intro.view} pollMs={state.pollMs} appId={state.appId} />;
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
          <Text size={200} weight="semibold" className={styles.role}>
            {role === 'leader' ? 'You lead' : 'You take part'}
          </Text>
        )}
      </header>
      {state.intro.status === 'ready' && <RoleSwitch api={state.api} view={state.intro.view} />}
      {renderBody(state, styles)}
    </main>
  );
}
