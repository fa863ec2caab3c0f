import { useState } from 'react';
import type { IntroView } from '../../../src/contract';
import type { ApiClient } from '../shared/api/client';
import { HistoryPage } from './HistoryPage';
import { Page } from '../shared/components/Page';
import { InPersonSection } from '../inPerson/InPersonSection';
import { runTarget } from '../inPerson/people';
import { RunPage } from '../inPerson/RunPage';
import { StartInPerson } from '../inPerson/StartInPerson';

/** What the personal tab shows: History, the in-person start form, or an intro running in person. */
type Screen =
  | { readonly kind: 'history' }
  | { readonly kind: 'start' }
  | { readonly kind: 'run'; readonly introId: string; readonly initial?: IntroView };

/** Props of the personal tab. */
export interface PersonalTabProps {
  /** The page's one API client. */
  readonly api: ApiClient;
  /** The caller's user id in Teams. */
  readonly me: string;
  readonly tenantId: string;
  readonly appId?: string;
  /** The deep link's `subEntityId`: "run:<introId>" opens that intro's run view. */
  readonly subPageId?: string;
}

/** The personal tab: History with "Start an intro in person" on top, and the in-person run view. */
export function PersonalTab({ api, me, tenantId, appId, subPageId }: PersonalTabProps) {
  const [screen, setScreen] = useState<Screen>(() => {
    const introId = runTarget(subPageId, window.location.search);
    return introId ? { kind: 'run', introId } : { kind: 'history' };
  });
  const history = () => setScreen({ kind: 'history' });
  switch (screen.kind) {
    case 'run':
      return (
        <RunPage
          api={api}
          owner={{ tenantId, userId: me }}
          introId={screen.introId}
          initial={screen.initial}
          appId={appId}
          onBack={history}
        />
      );
    case 'start':
      return (
        <Page title="In person">
          <StartInPerson
            api={api}
            me={me}
            onStarted={(view) => setScreen({ kind: 'run', introId: view.intro.id, initial: view })}
            onCancel={history}
          />
        </Page>
      );
    case 'history':
      return (
        <HistoryPage
          api={api}
          before={
            <InPersonSection
              api={api}
              me={me}
              tenantId={tenantId}
              onStart={() => setScreen({ kind: 'start' })}
              onRun={(introId) => setScreen({ kind: 'run', introId })}
            />
          }
        />
      );
  }
}
