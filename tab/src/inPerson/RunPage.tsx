import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { useRunPageStyles } from './RunPage.styles';
import { useCallback, useEffect, useState } from 'react';
import type { IntroView } from '../../../src/contract';
import { SETTING_LABELS } from '../../../src/domain/intro';
import type { ApiClient } from '../shared/api/client';
import { Busy } from '../shared/components/Busy';
import { LiveIntro } from '../live/LiveIntro';
import { LoadError } from '../shared/components/LoadError';
import { cachedView, cacheView, type ViewOwner } from './viewCache';

/** Props of the in-person run page. */
interface RunPageProps {
  readonly api: ApiClient;
  /** Who is signed in, whose copy of the intro this device keeps. */
  readonly owner: ViewOwner;
  readonly introId: string;
  /** The view just created by Start, so the page opens without another request. */
  readonly initial?: IntroView;
  readonly appId?: string;
  readonly onBack: () => void;
}

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly view: IntroView }
  | { readonly status: 'error'; readonly message: string };

/** Loads the intro to run: from the server, else the copy kept on this device (opening with no network). */
function useRunIntro(api: ApiClient, owner: ViewOwner, introId: string, initial: IntroView | undefined) {
  const { tenantId, userId } = owner;
  const [state, setState] = useState<Loaded>(() =>
    initial ? { status: 'ready', view: initial } : { status: 'loading' },
  );
  const load = useCallback(() => {
    setState({ status: 'loading' });
    api.openInPerson(introId).then(
      (view) => {
        cacheView({ tenantId, userId }, view);
        setState({ status: 'ready', view });
      },
      (failure: unknown) => {
        const kept = cachedView({ tenantId, userId }, introId);
        const message = failure instanceof Error ? failure.message : 'Could not open the intro.';
        setState(kept ? { status: 'ready', view: kept } : { status: 'error', message });
      },
    );
  }, [api, introId, tenantId, userId]);
  useEffect(() => {
    if (initial) cacheView({ tenantId, userId }, initial);
    else load();
  }, [initial, load, tenantId, userId]);
  return { state, retry: load };
}

/** The in-person run view: the same live intro as the meeting panel, laid out for a phone and offline-first. */
export function RunPage({ api, owner, introId, initial, appId, onBack }: RunPageProps) {
  const styles = useRunPageStyles();
  const { state, retry } = useRunIntro(api, owner, introId, initial);
  const view = state.status === 'ready' ? state.view : undefined;
  return (
    <main className={styles.root} aria-label="Intro 1:1 in person">
      <div className={styles.top}>
        <Subtitle2 as="h1" className={styles.heading}>
          {view ? `${SETTING_LABELS[view.intro.setting]}` : 'In person'}
        </Subtitle2>
        <Button appearance="subtle" className={styles.touch} onClick={onBack}>
          Back to History
        </Button>
      </div>
      {view?.role === 'member' && (
        <Text size={200}>Follow the agenda and keep your own private notes; only the leader moves the timer.</Text>
      )}
      {state.status === 'loading' && <Busy label="Opening the intro…" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={retry} />}
      {view && <LiveIntro api={api} view={view} appId={appId} place="inPerson" />}
    </main>
  );
}
