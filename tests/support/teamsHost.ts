import type { Browser, Frame, Page } from 'playwright-core';

/** How to open the tab in the Teams host simulator (tab/host.html). */
export interface TeamsHostOptions {
  readonly user?: 'leader' | 'member';
  readonly frameContext?: 'sidePanel' | 'content' | 'meetingStage' | 'settings';
  readonly meetingId?: string;
  readonly theme?: 'default' | 'dark' | 'contrast';
  readonly view?: string;
  readonly width?: number;
  /** Skews `Date.now` inside the tab's frame only (not the host page), as a client whose clock is off would be. */
  readonly clockSkewMs?: number;
  /** Has the host answer TeamsJS's `initialize` this late, as a slow cold start of Teams would. */
  readonly initDelayMs?: number;
  /** The Teams client type the host reports ('android' or 'ios' for a phone); 'web' by default. */
  readonly hostClientType?: 'web' | 'desktop' | 'android' | 'ios';
  /** A deep link's `subEntityId` the host passes to the tab, e.g. "run:<introId>". */
  readonly subEntityId?: string;
  /** Called with the new page before it navigates, e.g. to start waiting for a response. */
  readonly beforeOpen?: (page: Page) => void;
}

/** A host page (in its own browser context; closing the page is enough) and the tab's frame inside it. */
export interface HostedTab {
  readonly page: Page;
  readonly frame: Frame;
}

/** The simulator's personas (Avery Leader, Sam Member) with their fixed ids. */
export { PERSONAS, PREVIEW_TENANT_ID } from '../../tab/host/personas';

/** The host page URL for some options. */
export function hostUrl(baseUrl: string, options: TeamsHostOptions = {}): string {
  const query = new URLSearchParams({
    user: options.user ?? 'leader',
    frameContext: options.frameContext ?? 'sidePanel',
    meetingId: options.meetingId ?? 'preview-meeting-1',
    theme: options.theme ?? 'default',
    view: options.view ?? 'meeting',
    width: String(options.width ?? 320),
  });
  if (options.initDelayMs) query.set('initDelayMs', String(options.initDelayMs));
  if (options.hostClientType) query.set('hostClientType', options.hostClientType);
  if (options.subEntityId) query.set('subEntityId', options.subEntityId);
  return `${baseUrl}/tab/host.html?${query.toString()}`;
}

/** Runs in every frame before its scripts: moves `Date.now` in the tab's frame (the one inside the host page). */
function skewTabClock(skewMs: number): void {
  const frame = globalThis as unknown as { top: unknown; self: unknown };
  if (frame.top === frame.self) return;
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + skewMs;
}

/** Opens the tab inside the simulated Teams host in a new page and returns the tab's frame once it has loaded. */
export async function openInTeamsHost(
  browser: Browser,
  baseUrl: string,
  options: TeamsHostOptions = {},
): Promise<HostedTab> {
  // A context per host page: axe-core's playwright runner needs one, and personas must not share storage.
  const phone = options.hostClientType === 'android' || options.hostClientType === 'ios';
  const context = await browser.newContext({
    viewport: { width: (options.width ?? 320) + 80, height: 800 },
    ...(phone ? { hasTouch: true } : {}),
  });
  if (options.clockSkewMs) await context.addInitScript(skewTabClock, options.clockSkewMs);
  const page = await context.newPage();
  options.beforeOpen?.(page);
  page.on('console', (message) => {
    // Failed loads are expected here (404 before an intro exists, TeamsJS's offline valid-domains fetch).
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) console.warn(`[browser] ${text}`);
  });
  await page.goto(hostUrl(baseUrl, options));
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The Teams host simulator did not create the tab iframe.');
  await frame.waitForLoadState('load');
  return { page, frame };
}

/** Switches the host's theme the way Teams does, through the simulator's `window.teamsHost`. */
export async function setHostTheme(page: Page, theme: 'default' | 'dark' | 'contrast'): Promise<void> {
  await page.evaluate(`window.teamsHost.setTheme(${JSON.stringify(theme)})`);
}

/** The content URLs the tab shared to the meeting stage through the simulator. */
export function sharedToStage(page: Page): Promise<readonly string[]> {
  return page.evaluate<readonly string[]>('window.teamsHost.sharedToStage()');
}
