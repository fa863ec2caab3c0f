import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import type { IntroList, IntroView, NotesView, SessionView } from '../../src/contract';
import { HOST_LEADER, HOST_MEMBER, introInMeeting, useAppAndBrowser } from '../support/e2eSetup';
import { hostUrl, openInTeamsHost, type TeamsHostOptions } from '../support/teamsHost';
import type { TestUser } from '../support/testApp';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const SHOTS = process.env['IN_PERSON_SCREENSHOTS'];
const env = useAppAndBrowser();

async function json<T>(path: string, user: TestUser = HOST_LEADER): Promise<T> {
  return (await (await env.app.api(user, path)).json()) as T;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The smallest height and width among the buttons matching `name`. */
async function smallestTarget(frame: Frame, names: readonly string[]): Promise<number> {
  let smallest = Infinity;
  for (const name of names) {
    const box = await frame.getByRole('button', { name, exact: true }).boundingBox();
    if (!box) throw new Error(`No button "${name}"`);
    smallest = Math.min(smallest, box.height, box.width);
  }
  return smallest;
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Runs in every frame: a Screen Wake Lock that records whether the screen is held awake (`window.wakeLockHeld`). */
function fakeWakeLock(): void {
  const state = globalThis as unknown as { wakeLockHeld: boolean; navigator: object };
  state.wakeLockHeld = false;
  Object.defineProperty(state.navigator, 'wakeLock', {
    configurable: true,
    value: {
      request: async () => {
        state.wakeLockHeld = true;
        return { release: async () => void (state.wakeLockHeld = false) };
      },
    },
  });
}

const wakeLockHeld = (frame: Frame) => frame.evaluate<boolean>('window.wakeLockHeld === true');

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

    await frame.getByRole('button', { name: 'Start an intro in person' }).waitFor(WAIT);
    await shot(page, 'history-360');
    await frame.getByRole('button', { name: 'Start an intro in person' }).click(WAIT);
    await frame.getByRole('radio', { name: 'Someone else' }).check(WAIT);
    await frame.getByRole('textbox', { name: 'Their name' }).fill('Robin Newcomer');
    expect(await frame.getByRole('combobox', { name: 'Length' }).inputValue()).toBe('45');
    await shot(page, 'start-form-360');
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
    await shot(page, 'run-offline-360');
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

  test('a planned lunch: the leader opens it from a Run it now deep link, the other person follows along with private notes', async () => {
    await introInMeeting(env.app, `e2e-${randomUUID()}`);
    const created = await env.app.api(HOST_LEADER, '/api/v1/in-person', {
      body: { memberId: HOST_MEMBER.oid, memberName: HOST_MEMBER.name, setting: 'lunch' },
    });
    const { intro } = (await created.json()) as IntroView;

    const leader = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'leader',
      frameContext: 'content',
      view: 'history',
      width: 360,
      hostClientType: 'android',
      theme: 'dark',
      subEntityId: `run:${intro.id}`,
      beforeOpen: (page) => void page.context().addInitScript(fakeWakeLock),
    });
    await leader.frame.getByRole('heading', { name: 'Over lunch' }).waitFor(WAIT);
    await leader.frame.getByText('With Sam Member').waitFor(WAIT);
    expect(await wakeLockHeld(leader.frame)).toBe(false);
    await leader.frame.getByRole('button', { name: 'Start', exact: true }).click(WAIT);
    await leader.frame.getByTestId('phase-time').waitFor(WAIT);
    await until(() => wakeLockHeld(leader.frame), 'the screen to be kept awake');
    expect(
      await smallestTarget(leader.frame, ['Pause', 'Back to the previous phase', 'Next phase', 'End…']),
    ).toBeGreaterThanOrEqual(44);
    const smallest = await leader.frame.evaluate<number>(
      `Math.min(...[...document.querySelectorAll('main button')].map((b) => b.getBoundingClientRect().height))`,
    );
    expect(smallest).toBeGreaterThanOrEqual(44);
    expect(await seriousViolations(leader.page)).toEqual([]);
    await shot(leader.page, 'run-dark-360');

    const member = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'member',
      frameContext: 'content',
      view: 'history',
      width: 320,
      hostClientType: 'ios',
      theme: 'contrast',
    });
    await member.frame.getByRole('button', { name: 'Follow along' }).click(WAIT);
    await member.frame.getByText('With Avery Leader').waitFor(WAIT);
    await member.frame.getByTestId('phase-name').filter({ hasText: 'Goals' }).waitFor(WAIT);
    expect(await member.frame.getByRole('toolbar', { name: 'Timer controls' }).count()).toBe(0);
    await member.frame.getByRole('textbox', { name: 'Notes: Goals' }).fill('Ask about the on-call rota.');
    await until(async () => {
      const notes = await json<NotesView>(`/api/v1/intros/${intro.id}/notes`, HOST_MEMBER);
      return notes.text.goals === 'Ask about the on-call rota.';
    }, "the member's own notes");
    expect((await json<NotesView>(`/api/v1/intros/${intro.id}/notes`)).text.goals).toBe('');
    expect(await scrollsSideways(member.frame)).toBe(false);
    await shot(member.page, 'follow-contrast-320');

    // Discreet mode hides the leader's notes until tapped.
    await leader.frame.getByRole('switch', { name: 'Discreet mode' }).check();
    expect(await leader.frame.getByRole('textbox', { name: 'Notes: Goals' }).count()).toBe(0);
    await leader.frame.getByRole('button', { name: 'Notes hidden — tap to show' }).click();
    await leader.frame.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);

    // End asks first; then the screen may sleep, the intro is done and the summary says where the recap is.
    await leader.frame.getByRole('button', { name: 'End…' }).click();
    await leader.frame.getByRole('button', { name: 'End now' }).click(WAIT);
    await leader.frame.getByRole('heading', { name: 'After the intro' }).waitFor(WAIT);
    await until(async () => !(await wakeLockHeld(leader.frame)), 'the wake lock to be released');
    expect((await json<IntroView>(`/api/v1/intros/${intro.id}`)).intro.status).toBe('done');
    await Promise.all([leader.page.close(), member.page.close()]);
  }, 90_000);

  test('closed while offline: what was kept on the phone is sent, with its times, when the personal tab opens again', async () => {
    const created = await env.app.api(HOST_LEADER, '/api/v1/in-person', { body: { memberName: 'Casey Café' } });
    const { intro } = (await created.json()) as IntroView;
    await env.app.api(HOST_LEADER, `/api/v1/intros/${intro.id}/session`, { body: { action: 'start' } });
    const options: TeamsHostOptions = {
      user: 'leader',
      frameContext: 'content',
      view: 'history',
      width: 360,
      hostClientType: 'android',
      subEntityId: `run:${intro.id}`,
    };
    const { page, frame } = await openInTeamsHost(env.browser, env.app.baseUrl, options);
    await frame.getByTestId('phase-time').waitFor(WAIT);
    await frame.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);
    const context = page.context();
    await context.setOffline(true);
    await frame.getByRole('textbox', { name: 'Notes: Goals' }).fill('Kept through a dead battery.');
    const pressedAt = Date.now();
    await frame.getByRole('button', { name: 'Next phase' }).click();
    await frame.getByTestId('sync-status').filter({ hasText: '2 changes waiting to be sent' }).waitFor(WAIT);
    await page.close();

    await pause(2000);
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(hostUrl(env.app.baseUrl, { ...options, subEntityId: undefined }));
    await until(async () => {
      const view = await json<SessionView>(`/api/v1/intros/${intro.id}/session`);
      const notes = await json<NotesView>(`/api/v1/intros/${intro.id}/notes`);
      return view.session.status === 'running' && view.session.phase === 1 && notes.text.goals !== '';
    }, 'the kept Next and notes to reach the server');
    const view = await json<SessionView>(`/api/v1/intros/${intro.id}/session`);
    if (view.session.status !== 'running') throw new Error('The session should be running.');
    expect(Math.abs(view.session.segmentStartedAt - pressedAt)).toBeLessThan(1000);
    expect((await json<NotesView>(`/api/v1/intros/${intro.id}/notes`)).text.goals).toBe('Kept through a dead battery.');
    await again.close();
  }, 90_000);
});
