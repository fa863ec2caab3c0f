import type { Frame } from 'playwright-core';
import type { IntroList, NotesView, SessionView } from '../../src/domain/api';
import { HOST_LEADER, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const env = useAppAndBrowser();

async function json<T>(path: string): Promise<T> {
  return (await (await env.app.api(HOST_LEADER, path)).json()) as T;
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether anything in the tab is wider than its frame (the page would scroll sideways). */
const scrollsSideways = (frame: Frame) =>
  frame.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');

describe('in person, on a phone (Teams on Android, 360 px)', () => {
  test('start with a named person, run the timer, type notes, lose the network, press Next: all of it reaches the server, at the time it happened', async () => {
    const tab = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'leader',
      frameContext: 'content',
      view: 'history',
      width: 360,
      hostClientType: 'android',
    });
    const { frame, page } = tab;

    await frame.getByRole('button', { name: 'Start an intro in person' }).click(WAIT);
    await frame.getByRole('radio', { name: 'Someone else' }).check(WAIT);
    await frame.getByRole('textbox', { name: 'Their name' }).fill('Robin Newcomer');
    expect(await frame.getByRole('combobox', { name: 'Length' }).inputValue()).toBe('45');
    await frame.getByRole('button', { name: 'Open the run view' }).click();

    await frame.getByRole('main', { name: 'Intro 1:1 in person' }).waitFor(WAIT);
    await frame.getByText('With Robin Newcomer').waitFor(WAIT);
    await frame.getByRole('button', { name: 'Start', exact: true }).click(WAIT);
    const time = frame.getByTestId('phase-time');
    await time.waitFor(WAIT);
    const first = await time.textContent();
    await until(async () => (await time.textContent()) !== first, 'the timer to run');
    expect(await scrollsSideways(frame)).toBe(false);

    const list = await json<IntroList>('/api/v1/intros?limit=5');
    const intro = list.items.find((item) => item.member?.name === 'Robin Newcomer');
    expect(intro).toMatchObject({ setting: 'coffee', durationMinutes: 45, leader: { id: HOST_LEADER.oid } });
    const introId = intro!.id;

    const box = frame.getByRole('textbox', { name: 'Notes: Goals' });
    await box.click();
    await page.keyboard.type('Wants to lead the migration.', { delay: 10 });
    await frame.getByText('Saved', { exact: true }).waitFor(WAIT);

    await page.context().setOffline(true);
    await page.keyboard.type(' Learning Go on weekends.', { delay: 10 });
    await pause(1200);
    const pressedAt = Date.now();
    await frame.getByRole('button', { name: 'Next phase' }).click();
    await frame.getByTestId('phase-name').filter({ hasText: "How it's going" }).waitFor(WAIT);
    await frame.getByTestId('sync-status').filter({ hasText: '2 changes waiting to be sent' }).waitFor(WAIT);
    const offline = await json<SessionView>(`/api/v1/intros/${introId}/session`);
    expect(offline.session).toMatchObject({ status: 'running', phase: 0 });

    await pause(3000);
    const reconnectedAt = Date.now();
    await page.context().setOffline(false);

    await until(async () => {
      const view = await json<SessionView>(`/api/v1/intros/${introId}/session`);
      const notes = await json<NotesView>(`/api/v1/intros/${introId}/notes`);
      return view.session.status === 'running' && view.session.phase === 1 && notes.text.goals.includes('weekends');
    }, 'the queued Next and notes to reach the server');
    const view = await json<SessionView>(`/api/v1/intros/${introId}/session`);
    const notes = await json<NotesView>(`/api/v1/intros/${introId}/notes`);
    expect(notes.text.goals).toBe('Wants to lead the migration. Learning Go on weekends.');
    if (view.session.status !== 'running') throw new Error('The session should be running.');
    // The phase changed when Next was pressed offline, not when the network came back three seconds later.
    expect(Math.abs(view.session.segmentStartedAt - pressedAt)).toBeLessThan(1000);
    expect(reconnectedAt - view.session.segmentStartedAt).toBeGreaterThan(2000);
    await frame.getByTestId('sync-status').filter({ hasText: 'Everything is saved.' }).waitFor(WAIT);
    await page.close();
  }, 90_000);
});
