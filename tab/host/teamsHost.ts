import { devToken } from './devToken';
import type { HostOptions, HostTheme } from './options';
import { PERSONAS } from './personas';
import { initializeArgs, isHostRequest, legacyContext, type HostRequest } from './protocol';

/** A running simulated Teams frame. */
export interface TeamsHostFrame {
  readonly iframe: HTMLIFrameElement;
  /** Switches the theme and tells the tab, as Teams does when the person changes theme. */
  setTheme(theme: HostTheme): void;
  /** The content URLs the tab shared to the meeting stage, in order. */
  readonly sharedToStage: readonly string[];
  /** The handlers the tab registered (e.g. `load`, `beforeUnload` for app caching). */
  readonly handlers: ReadonlySet<string>;
  /** As Teams before caching the app: sends `beforeUnload`; resolves once the tab says `readyToUnload`. */
  beforeUnload(): Promise<void>;
  /** As Teams showing the cached app again: sends `load` with the tab's own content URL. */
  load(): void;
  /** Stops answering the tab. */
  dispose(): void;
}

/** Calls the tab makes that need no answer beyond an acknowledgement. */
const QUIET = new Set([
  'registerHandler',
  'appInitialization.appLoaded',
  'appInitialization.success',
  'settings.setValidityState',
]);

/** The tab's URL for a view, on this page's origin. */
export function tabUrl(options: HostOptions): string {
  return `/tab/index.html?view=${encodeURIComponent(options.view)}`;
}

/**
 * Hosts the tab in a new iframe inside `container` and answers its TeamsJS calls as Teams would; `onShare` hears
 * each URL shared to the meeting stage (the preview opens it in its stage pane).
 */
export function hostTab(
  container: HTMLElement,
  options: HostOptions,
  title = 'Intro 1:1',
  onShare?: (url: string) => void,
): TeamsHostFrame {
  const persona = PERSONAS[options.user];
  const sessionId = crypto.randomUUID();
  const sharedToStage: string[] = [];
  const handlers = new Set<string>();
  let readyToUnload: (() => void) | undefined;
  let theme: HostTheme = options.theme;
  const iframe = document.createElement('iframe');
  iframe.title = title;
  iframe.src = tabUrl(options);
  iframe.style.width = `${options.width}px`;
  container.append(iframe);

  const reply = (request: HostRequest, args: readonly unknown[]) =>
    iframe.contentWindow?.postMessage(
      { id: request.id, uuidAsString: request.uuidAsString, args },
      window.location.origin,
    );

  async function answer(request: HostRequest): Promise<readonly unknown[]> {
    switch (request.func) {
      case 'initialize':
        if (options.initDelayMs) await new Promise((resolve) => setTimeout(resolve, options.initDelayMs));
        return initializeArgs(options);
      case 'getContext':
        return [legacyContext(options, persona, theme, sessionId)];
      case 'authentication.getAuthToken':
        return devToken(persona).then(
          (token) => [true, token],
          (error: unknown) => [false, error instanceof Error ? error.message : String(error)],
        );
      case 'settings.setSettings':
        return [true];
      case 'registerHandler':
        handlers.add(String(request.args?.[0]));
        return [];
      case 'readyToUnload':
        readyToUnload?.();
        return [];
      case 'meeting.shareAppContentToStage': {
        // Teams answers (error, result); only a side panel or the stage itself may share.
        const url = String(request.args?.[0] ?? '');
        if (options.frameContext !== 'sidePanel' && options.frameContext !== 'meetingStage')
          return [{ errorCode: 100, message: 'Not in a meeting' }, null];
        sharedToStage.push(url);
        onShare?.(url);
        return [null, true];
      }
      default:
        if (!QUIET.has(request.func)) console.info(`[teamsHost] unsupported call "${request.func}"`, request.args);
        return QUIET.has(request.func) ? [] : [false, 'not supported'];
    }
  }

  const listener = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== window.location.origin) return;
    if (!isHostRequest(event.data)) return;
    const request = event.data;
    void answer(request).then((args) => reply(request, args));
  };
  window.addEventListener('message', listener);

  return {
    iframe,
    sharedToStage,
    setTheme(next) {
      theme = next;
      iframe.contentWindow?.postMessage({ func: 'themeChange', args: [next] }, window.location.origin);
    },
    handlers,
    beforeUnload() {
      const ready = new Promise<void>((resolve) => (readyToUnload = resolve));
      iframe.contentWindow?.postMessage({ func: 'beforeUnload', args: [] }, window.location.origin);
      return ready;
    },
    load() {
      const contentUrl = new URL(tabUrl(options), window.location.href).href;
      iframe.contentWindow?.postMessage(
        { func: 'load', args: [{ entityId: 'intro', contentUrl }] },
        window.location.origin,
      );
    },
    dispose() {
      window.removeEventListener('message', listener);
    },
  };
}
