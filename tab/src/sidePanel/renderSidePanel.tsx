import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { AgendaPreview } from './AgendaPreview';
import { IntroSetup } from './IntroSetup';
import { LoadError } from '../shared/components/LoadError';
import type { SidePanelState } from './useSidePanel';
import type { useSidePanelStyles } from './useSidePanelStyles.styles';

const loadReadyPanel = () => import('./ReadyPanel');

/** Starts loading the running intro's code; the panel calls it once the agenda has painted, so nobody waits for it. */
export function prefetchReadyPanel(): void {
  void loadReadyPanel();
}

// The running intro (notes, editors, controls, role switch) is not part of the first paint.
const ReadyPanel = lazy(() => loadReadyPanel().then((m) => ({ default: m.ReadyPanel })));

type Styles = ReturnType<typeof useSidePanelStyles>;

function renderBody(state: SidePanelState, styles: Styles) {
  const { intro } = state;
  switch (intro.status) {
    case 'loading':
      return <AgendaPreview label="Loading the intro…" />;
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
      return (
        <Suspense fallback={<AgendaPreview label="Loading the intro…" />}>
          <ReadyPanel api={state.api} view={intro.view} pollMs={state.pollMs} appId={state.appId} />
        </Suspense>
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
          <Text size={200} weight="semibold" className={styles.role}>
            {role === 'leader' ? 'You lead' : 'You take part'}
          </Text>
        )}
      </header>
      {renderBody(state, styles)}
    </main>
  );
}
