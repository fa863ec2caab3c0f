import { app, authentication } from '@microsoft/teams-js';
import { TeamsError, NOT_IN_HOST_MESSAGE } from './errors';
import { supportAppCaching } from './lifecycle';

/** A Teams UI theme as the host names it. */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** Where and for whom the tab runs, read once from the host at start-up. */
export interface TeamsEnv {
  readonly frameContext: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly userName: string;
  readonly meetingId: string | undefined;
  readonly chatId: string | undefined;
  readonly theme: TeamsTheme;
  readonly locale: string;
  /** This app's id in Teams, for deep links to its own tabs and chat; absent when the host does not say. */
  readonly appId: string | undefined;
  /** The deep link's `subEntityId` (TeamsJS `page.subPageId`), e.g. "run:<introId>" for the in-person run view. */
  readonly subPageId?: string;
}

/** How long to wait for a host to answer `initialize` before saying the tab may not be in one. */
const INIT_TIMEOUT_MS = 3000;

/** The same in an iframe, where a host is most likely there but can be slow on a cold start. */
const IFRAME_INIT_TIMEOUT_MS = 10_000;

/** How `initializeTeams` waits for the host. */
interface InitializeOptions {
  /** @default INIT_TIMEOUT_MS, or IFRAME_INIT_TIMEOUT_MS in an iframe */
  readonly timeoutMs?: number;
  /**
   * Called once the host is slow to answer; initializing then goes on waiting, so the page recovers when the host
   * answers late. Without it, a slow host rejects with `notInHost`.
   */
  readonly onSlow?: (error: TeamsError) => void;
}

let initialized = false;

/** Maps any host theme name to one of the three Teams themes (unknown names fall back to light). */
function toTeamsTheme(theme: string | undefined): TeamsTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TeamsError('notInHost', NOT_IN_HOST_MESSAGE)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function ensureInitialized(call: string): void {
  if (!initialized || !app.isInitialized()) {
    throw new TeamsError('notInitialized', `Call initializeTeams() before ${call}.`);
  }
}

let hostAnswer: Promise<void> | undefined;
let contextAnswer: Promise<TeamsEnv> | undefined;
let knownEnv: TeamsEnv | undefined;
let askedAt = 0;

/** TeamsJS's `initialize`, asked once: by `connectToHost()` before the first render, or by `initializeTeams()`. */
function hostReady(): Promise<void> {
  if (!hostAnswer) {
    askedAt = Date.now();
    hostAnswer = app.initialize().then(() => {
      initialized = true;
    });
  }
  return hostAnswer;
}

/** The host's context, read once. */
function hostContext(): Promise<TeamsEnv> {
  contextAnswer ??= hostReady()
    .then(() => app.getContext())
    .then((context) => {
      knownEnv = toEnv(context);
      return knownEnv;
    });
  return contextAnswer;
}

/** What the host said, once it has (see `connectToHost`): lets the first render be the page itself. */
export function teamsEnvIfReady(): TeamsEnv | undefined {
  return knownEnv;
}

/** Starts the handshake with the host now, before React renders; resolves once the host answered (or there is none). */
export function connectToHost(): Promise<void> {
  if (window.parent === window && !window.opener) return Promise.resolve();
  return hostContext().then(
    () => undefined,
    () => undefined,
  );
}

function waitForHost({ timeoutMs, onSlow }: InitializeOptions): Promise<void> {
  const ready = hostReady();
  // Counted from the first ask, which may have been before the first render.
  const ms = Math.max(
    0,
    (timeoutMs ?? (window.parent !== window ? IFRAME_INIT_TIMEOUT_MS : INIT_TIMEOUT_MS)) - (Date.now() - askedAt),
  );
  if (!onSlow) return withTimeout(ready, ms);
  const timer = setTimeout(() => onSlow(new TeamsError('notInHost', NOT_IN_HOST_MESSAGE)), ms);
  return ready.finally(() => clearTimeout(timer));
}

/** Connects to the Teams host and reads the context; rejects with `notInHost` when there is no host. */
export async function initializeTeams(options: InitializeOptions = {}): Promise<TeamsEnv> {
  if (window.parent === window && !window.opener) throw new TeamsError('notInHost', NOT_IN_HOST_MESSAGE);
  await waitForHost(options);
  const env = await hostContext();
  // Only the side panel is cached: it is opened and closed again and again during a meeting.
  if (env.frameContext === 'sidePanel') supportAppCaching();
  return env;
}

function toEnv(context: app.Context): TeamsEnv {
  return {
    frameContext: context.page.frameContext,
    userId: context.user?.id ?? '',
    tenantId: context.user?.tenant?.id ?? '',
    userName: context.user?.displayName ?? context.user?.userPrincipalName ?? '',
    meetingId: context.meeting?.id,
    chatId: context.chat?.id,
    theme: toTeamsTheme(context.app.theme),
    locale: context.app.locale,
    appId: context.app.appId?.toString(),
    subPageId: context.page.subPageId || undefined,
  };
}

/** Calls `callback` with the new theme each time the person changes their Teams theme. */
export function onThemeChange(callback: (theme: TeamsTheme) => void): void {
  ensureInitialized('onThemeChange()');
  app.registerOnThemeChangeHandler((theme) => callback(toTeamsTheme(theme)));
}

/** Gets a Teams single sign-on token for this app's API. */
export async function getSsoToken(): Promise<string> {
  ensureInitialized('getSsoToken()');
  try {
    return await authentication.getAuthToken();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TeamsError(
      'ssoFailed',
      `Teams could not sign you in to Intro 1:1 (${reason}). Reload the tab; if it persists, ask your admin to consent to the app.`,
    );
  }
}

/** Opens a Teams deep link (a chat, an app's tab) through the host. */
export async function openTeamsLink(url: string): Promise<void> {
  ensureInitialized('openTeamsLink()');
  try {
    await app.openLink(url);
  } catch (error) {
    throw new TeamsError('notSupported', error instanceof Error ? error.message : String(error));
  }
}
