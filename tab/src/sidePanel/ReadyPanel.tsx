import type { IntroView } from '../../../src/contract';
import type { ApiClient } from '../shared/api/client';
import { LiveIntro } from '../live/LiveIntro';
import { RoleSwitch } from '../live/roleSwitch/RoleSwitch';

/** Props of the panel's body once the intro is known. */
export interface ReadyPanelProps {
  readonly api: ApiClient;
  readonly view: IntroView;
  readonly pollMs?: number;
  readonly appId?: string;
}

/** Who leads, then the running intro: loaded after the panel's first paint (see SidePanel), so the agenda shows first. */
export function ReadyPanel({ api, view, pollMs, appId }: ReadyPanelProps) {
  return (
    <>
      <RoleSwitch api={api} view={view} />
      <LiveIntro api={api} view={view} pollMs={pollMs} appId={appId} />
    </>
  );
}
