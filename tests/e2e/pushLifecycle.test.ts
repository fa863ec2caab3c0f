import { randomUUID } from 'node:crypto';
import type { Page, Request } from 'playwright-core';
import { HOST_LEADER, HOST_MEMBER, introInMeeting, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const env = useAppAndBrowser();

function countStreams(page: Page): { opened: number } {
  const counts = { opened: 0 };
  page.on('request', (request: Request) => {
    if (/\/session\/events$/.test(new URL(request.url()).pathname)) counts.opened += 1;
  });
  return counts;
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the side panel in Teams’ lifecycle', () => {
  test('app caching: notes are sent before Teams is told it may cache; back from the cache, online or visible, the stream reconnects', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    const introId = await introInMeeting(env.app, meetingId);
    let streams = { opened: 0 };
    const member = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'member',
      meetingId,
      width: 280,
      beforeOpen: (page) => (streams = countStreams(page)),
    });
    expect(
      (await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } })).status,
    ).toBe(200);
    const box = member.frame.getByRole('textbox', { name: 'Notes: Goals' });
    await box.waitFor(WAIT);
    await until(() => streams.opened >= 1, 'the first stream');
    // The side panel told Teams it can be cached.
    expect(await member.page.evaluate<string[]>('window.teamsHost.handlers()')).toEqual(
      expect.arrayContaining(['load', 'beforeUnload']),
    );

    // Each notes save the tab sends, with when (the autosave waits for a pause in typing first).
    await member.frame.evaluate(`(() => {
      window.__notesSaves = [];
      const send = window.fetch;
      window.fetch = (input, init) => {
        if (init && init.method === 'PUT' && String(input).includes('/notes')) window.__notesSaves.push(Date.now());
        return send(input, init);
      };
    })()`);
    const words = 'Learn how the release train works';
    await box.fill(words);
    const typedAt = Date.now();
    const readyAt = await member.page.evaluate<number>('window.teamsHost.beforeUnload().then(() => Date.now())');
    const saves = await member.frame.evaluate<number[]>('window.__notesSaves');
    // Sent before Teams heard "ready", and before the autosave's pause would have sent it.
    expect(saves.some((at) => at <= readyAt && at - typedAt < 800)).toBe(true);
    await until(async () => {
      const notes = await env.app.api(HOST_MEMBER, `/api/v1/intros/${introId}/notes`);
      return ((await notes.json()) as { text: { goals: string } }).text.goals === words;
    }, 'the notes on the server');

    // Shown again from the cache: a new stream at once, and it brings what changed meanwhile.
    let opened = streams.opened;
    expect(
      (await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/session`, { body: { action: 'next' } })).status,
    ).toBe(200);
    await member.page.evaluate('window.teamsHost.load()');
    await until(() => streams.opened > opened, 'a stream after load');
    await member.frame.getByTestId('phase-name').filter({ hasText: "How it's going" }).waitFor(WAIT);

    // Back online, or visible again: reconnect at once.
    opened = streams.opened;
    await member.frame.evaluate(`window.dispatchEvent(new Event('online'))`);
    await until(() => streams.opened > opened, 'a stream after going online');
    opened = streams.opened;
    await member.frame.evaluate(`document.dispatchEvent(new Event('visibilitychange'))`);
    await until(() => streams.opened > opened, 'a stream after becoming visible');
    await member.page.context().close();
  }, 60_000);
});
