import { randomUUID } from 'node:crypto';
import type { Frame, Page, Request } from 'playwright-core';
import { HOST_LEADER, introInMeeting, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const PHASES = ['Goals', "How it's going", 'Feedback'] as const;

const env = useAppAndBrowser();

/** The member's requests to the session: polls (GET …/session) and streams opened (GET …/session/events). */
function countSessionRequests(page: Page) {
  const counts = { polls: 0, streams: 0 };
  page.on('request', (request: Request) => {
    if (request.method() !== 'GET') return;
    const path = new URL(request.url()).pathname;
    if (/\/api\/v1\/intros\/[^/]+\/session$/.test(path)) counts.polls += 1;
    if (/\/api\/v1\/intros\/[^/]+\/session\/events$/.test(path)) counts.streams += 1;
  });
  return counts;
}

/** Records, in the member's frame, when the shown phase first reads `phase` (epoch ms, same clock as this process). */
function whenShown(frame: Frame, phase: string): Promise<number> {
  return frame.evaluate<number>(`new Promise((resolve) => {
    const shown = () => document.querySelector('[data-testid="phase-name"]')?.textContent?.includes(${JSON.stringify(phase)});
    if (shown()) return resolve(Date.now());
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      resolve(Date.now());
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })`);
}

async function next(introId: string): Promise<void> {
  const response = await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/session`, { body: { action: 'next' } });
  expect(response.status).toBe(200);
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the session pushed to the other panel', () => {
  test('Next reaches the member within 300 ms without a poll; a cut stream falls back to polling, then push resumes', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    const introId = await introInMeeting(env.app, meetingId);
    let counts = { polls: 0, streams: 0 };
    const member = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'member',
      meetingId,
      width: 280,
      beforeOpen: (page) => (counts = countSessionRequests(page)),
    });
    const started = await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/session`, { body: { action: 'start' } });
    expect(started.status).toBe(200);
    await member.frame.getByTestId('phase-name').filter({ hasText: PHASES[0] }).waitFor(WAIT);
    await until(() => counts.streams >= 1, 'the member’s stream');

    // Pushed: seen within 300 ms of the leader's Next, and not one poll meanwhile.
    const polls = counts.polls;
    const shown = whenShown(member.frame, PHASES[1]);
    const sent = Date.now();
    await next(introId);
    expect((await shown) - sent).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(counts.polls).toBe(polls);

    // The stream is cut and cannot be opened again: the panel polls, and still follows the leader.
    await member.page.route('**/session/events', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'Down for the test.' } }),
      }),
    );
    env.app.app.server.server.closeAllConnections();
    await until(() => counts.polls >= polls + 2, 'polling after the stream was cut');
    await next(introId);
    await member.frame.getByTestId('phase-name').filter({ hasText: PHASES[2] }).waitFor(WAIT);

    // The stream can be opened again: the panel goes back to push by itself and stops polling.
    const streams = counts.streams;
    await member.page.unroute('**/session/events');
    await until(() => counts.streams > streams, 'the stream opened again', 40_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const settled = counts.polls;
    const back = whenShown(member.frame, PHASES[1]);
    const again = Date.now();
    const previous = await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/session`, {
      body: { action: 'previous' },
    });
    expect(previous.status).toBe(200);
    expect((await back) - again).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(counts.polls).toBe(settled);
    await member.page.context().close();
  }, 90_000);
});
