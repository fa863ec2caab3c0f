import { randomUUID } from 'node:crypto';
import type { Frame, Page } from 'playwright-core';
import type { NotesView } from '../../src/contract';
import { emptyNotesBody, type NotesBody } from '../../src/domain/notes';
import type { IntroView } from '../../src/contract';
import { HOST_LEADER, HOST_MEMBER, introInMeeting, useAppAndBrowser } from '../support/e2eSetup';
import { hostUrl, openInTeamsHost, type HostedTab } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const SHOTS = process.env['MOMENT_SCREENSHOTS'];

const env = useAppAndBrowser();

/** The accessible name of what has the focus in the tab ("body" when focus fell to the page). */
const focusedName = (frame: Frame) =>
  frame.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const label = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
    return (label ? label.textContent : el.getAttribute('aria-label') || el.textContent || '').trim();
  })()`);

async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The leader's panel at 320 x 630, as a Teams side panel on a laptop. */
async function leaderPanel(meetingId: string): Promise<HostedTab> {
  const tab = await openInTeamsHost(env.browser, env.app.baseUrl, { user: 'leader', meetingId, width: 320 });
  const chrome = (await tab.page.viewportSize())!.height - (await tab.frame.evaluate<number>('window.innerHeight'));
  await tab.page.setViewportSize({ width: 400, height: 630 + chrome });
  return tab;
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The sticky header's share of the panel's height. */
async function headerShare(frame: Frame): Promise<number> {
  return frame.evaluate<number>(`(() => {
    const header = document.querySelector('section[aria-label="Session"]');
    return header.getBoundingClientRect().height / window.innerHeight;
  })()`);
}

async function saveNotes(introId: string, body: NotesBody): Promise<void> {
  const saved = await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/notes`, {
    method: 'PUT',
    body,
    headers: { 'If-Match': '"0"' },
  });
  expect(saved.status).toBe(200);
}

const act = (introId: string, action: string) =>
  env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/session`, { body: { action } });

async function press(page: Page, keys: string): Promise<void> {
  await page.keyboard.press(keys);
}

describe('the leader in the moment, in a 320 px panel', () => {
  test('the header stays one compact block in every state; End and the spare-minutes offer take its room', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    await introInMeeting(env.app, meetingId);
    const { page, frame } = await leaderPanel(meetingId);
    expect(await frame.evaluate<number>('window.innerHeight')).toBe(630);
    await frame.getByRole('button', { name: 'Start', exact: true }).waitFor(WAIT);
    expect(await headerShare(frame)).toBeLessThanOrEqual(0.3);
    await shot(page, 'panel-320-before-start');
    await frame.getByRole('button', { name: 'Start', exact: true }).click();
    await frame.getByRole('button', { name: 'Pause' }).waitFor(WAIT);
    expect(await headerShare(frame)).toBeLessThanOrEqual(0.3);
    await shot(page, 'panel-320-running');

    await frame.getByRole('button', { name: 'Next phase' }).click();
    const give = frame.getByRole('button', { name: "Give 14 min to How it's going" });
    await give.waitFor(WAIT);
    expect(await headerShare(frame)).toBeLessThanOrEqual(0.3);
    await frame.getByRole('button', { name: 'End…', exact: true }).click();
    await frame.getByRole('button', { name: 'End now' }).waitFor(WAIT);
    expect(await headerShare(frame)).toBeLessThanOrEqual(0.3);
    await shot(page, 'panel-320-end-asks-with-offer');
    // The notes stay in view under the header, not scrolled under it.
    const notes = await frame.getByRole('heading', { name: 'Your private notes' }).boundingBox();
    expect(notes!.y + notes!.height).toBeLessThan(630);

    // Keep going, and the offer is still there; the next action (Pause) takes it away.
    await frame.getByRole('button', { name: 'Keep going' }).click();
    await frame.getByRole('button', { name: 'Pause' }).click();
    await frame.getByRole('button', { name: 'Resume' }).waitFor(WAIT);
    await until(async () => (await give.count()) === 0, 'the offer to go away at the next action');
    expect(await headerShare(frame)).toBeLessThanOrEqual(0.3);

    await frame.getByRole('button', { name: 'End…', exact: true }).click();
    await frame.getByRole('button', { name: 'End now' }).click();
    await frame.getByRole('region', { name: 'After the intro' }).waitFor(WAIT);
    expect(await headerShare(frame)).toBeLessThanOrEqual(0.3);
    await shot(page, 'panel-320-after-end');
    await page.context().close();
  }, 60_000);

  test('keyboard only: set up, start, type, next, end, never more than one Tab between steps', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    const { page, frame } = await leaderPanel(meetingId);
    const setUp = frame.getByRole('button', { name: 'Set up this intro 1:1' });
    await setUp.focus(WAIT);
    await press(page, 'Enter');
    // Focus lands on Start, not on the page.
    await until(async () => (await focusedName(frame)) === 'Start', 'focus on Start after setting up');
    await press(page, 'Enter');
    await until(async () => (await focusedName(frame)) === 'Notes: Goals', 'the caret in the Goals notes after Start');
    await page.keyboard.type('Wants to lead the migration');
    await press(page, 'Alt+Shift+KeyN');
    await frame.getByTestId('phase-name').filter({ hasText: "How it's going" }).waitFor(WAIT);
    // Alt+Shift+F opens the current phase's notes and puts the caret in them.
    await press(page, 'Alt+Shift+KeyF');
    await until(async () => (await focusedName(frame)) === "Notes: How it's going", 'the caret in the new notes');
    await page.keyboard.type('Happy with the team');
    expect(await frame.getByRole('textbox', { name: "Notes: How it's going" }).inputValue()).toBe(
      'Happy with the team',
    );
    // End from the keyboard: it asks first (Keep going has the focus), one Tab reaches End now.
    await press(page, 'Alt+Shift+KeyE');
    await until(async () => (await focusedName(frame)) === 'Keep going', 'focus on Keep going');
    await press(page, 'Tab');
    expect(await focusedName(frame)).toBe('End now');
    await press(page, 'Enter');
    await frame.getByRole('region', { name: 'After the intro' }).waitFor(WAIT);
    await until(async () => (await focusedName(frame)) !== 'body', 'focus somewhere useful after End now');
    expect(
      await frame.evaluate<boolean>(`!!document.activeElement.closest('section[aria-labelledby="end-summary"]')`),
    ).toBe(true);
    await page.context().close();
  }, 60_000);

  test("feedback stands on the person's goals: shown beside the editor, linked in one action, kind chosen", async () => {
    const earlier = await introInMeeting(env.app, `e2e-${randomUUID()}`);
    await saveNotes(earlier, {
      ...emptyNotesBody(),
      goals: [{ id: 'old1', text: 'Ship the onboarding guide', horizon: 'medium' }],
    });
    const meetingId = `e2e-${randomUUID()}`;
    const introId = await introInMeeting(env.app, meetingId);
    await saveNotes(introId, {
      ...emptyNotesBody(),
      goals: [{ id: 'g1', text: 'Lead the platform migration', horizon: 'long' }],
    });
    await act(introId, 'start');
    await act(introId, 'next');
    await act(introId, 'next');
    const { page, frame } = await leaderPanel(meetingId);
    await frame.getByTestId('phase-name').filter({ hasText: 'Feedback' }).waitFor(WAIT);
    const goals = frame.getByRole('region', { name: 'Their goals to frame feedback in' });
    await goals.getByText('Lead the platform migration').waitFor(WAIT);
    await goals.getByText('Ship the onboarding guide').waitFor(WAIT);

    await frame.getByRole('textbox', { name: 'New feedback' }).fill('Clear design doc for the scheduler');
    // No kind is assumed: Add waits until one is chosen.
    const add = frame.getByRole('button', { name: 'Add feedback' });
    expect(await add.isDisabled()).toBe(true);
    await frame.getByRole('radio', { name: 'Celebratory' }).check();
    await goals.getByRole('button', { name: 'About: Lead the platform migration' }).click();
    await add.click();
    // A goal from last time: one press links it (and keeps it among this intro's goals).
    await frame.getByRole('textbox', { name: 'New feedback' }).fill('The guide is late');
    await frame.getByRole('radio', { name: 'Critical' }).check();
    await goals.getByRole('button', { name: 'About: Ship the onboarding guide' }).click();
    await add.click();

    let notes: NotesView | undefined;
    await until(async () => {
      notes = (await (await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/notes`)).json()) as NotesView;
      return notes.feedback.length === 2;
    }, 'both feedback items on the server');
    const goalOf = (text: string) => notes!.goals.find((goal) => goal.text === text)?.id;
    expect(notes!.feedback).toEqual([
      expect.objectContaining({ kind: 'celebratory', goalId: 'g1' }),
      expect.objectContaining({ kind: 'critical', goalId: goalOf('Ship the onboarding guide') }),
    ]);
    expect(goalOf('Ship the onboarding guide')).toBeDefined();
    await page.context().close();
  }, 60_000);

  test('times agree: History plans the given minutes; after End nothing says now and no questions are offered', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    const introId = await introInMeeting(env.app, meetingId);
    await act(introId, 'start');
    await act(introId, 'next');
    expect((await act(introId, 'giveSpare')).status).toBe(200);
    const { page, frame } = await leaderPanel(meetingId);
    await frame.getByRole('button', { name: 'End…', exact: true }).click(WAIT);
    await frame.getByRole('button', { name: 'End now' }).click();
    await frame.getByRole('region', { name: 'After the intro' }).waitFor(WAIT);
    expect(await frame.getByText(/^now$/i).count()).toBe(0);
    expect(await frame.getByRole('button', { name: /^Now:/ }).count()).toBe(0);
    expect(await frame.getByRole('region', { name: 'Questions and tips' }).count()).toBe(0);
    await page.context().close();

    const history = await openInTeamsHost(env.browser, env.app.baseUrl, {
      frameContext: 'content',
      view: 'history',
      width: 720,
    });
    await history.frame
      .getByRole('list', { name: 'Intro 1:1s with Sam Member' })
      .getByRole('listitem')
      .first()
      .getByRole('button')
      .click(WAIT);
    const table = history.frame.getByRole('table', { name: 'Planned and actual time per phase' });
    await table.waitFor(WAIT);
    expect(await table.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/Phase\s+Planned\s+Actual/),
      expect.stringMatching(/Goals\s+1:00\s/),
      expect.stringMatching(/How it's going\s+34:00\s/),
      expect.stringMatching(/Feedback\s+10:00\s/),
    ]);
    await history.page.context().close();
  }, 60_000);

  test('Discreet mode (in person) and Hide notes (meeting) are two shields: neither carries into the other', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    await introInMeeting(env.app, meetingId);
    const created = await env.app.api(HOST_LEADER, '/api/v1/in-person', {
      body: { memberId: HOST_MEMBER.oid, memberName: HOST_MEMBER.name, setting: 'lunch' },
    });
    const { intro } = (await created.json()) as IntroView;
    const phone = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'leader',
      frameContext: 'content',
      view: 'history',
      width: 360,
      hostClientType: 'android',
      subEntityId: `run:${intro.id}`,
    });
    const discreet = phone.frame.getByRole('switch', { name: 'Discreet mode' });
    await discreet.waitFor(WAIT);
    // By keyboard: on, then one Tab reaches the way back, and Enter shows the notes again.
    await discreet.focus();
    await press(phone.page, 'Space');
    await phone.frame.getByRole('button', { name: 'Notes hidden — tap to show' }).waitFor(WAIT);
    await press(phone.page, 'Tab');
    expect(await focusedName(phone.frame)).toBe('Notes hidden — tap to show');
    await press(phone.page, 'Enter');
    await phone.frame.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);
    await discreet.check();

    // The same person's meeting panel in the same Teams client: its own "Hide notes", off.
    const panel = await phone.page.context().newPage();
    await panel.goto(hostUrl(env.app.baseUrl, { user: 'leader', meetingId, width: 320 }));
    const frame = (await (await panel.waitForSelector('iframe')).contentFrame())!;
    const hide = frame.getByRole('switch', { name: 'Hide notes' });
    await hide.waitFor(WAIT);
    expect(await hide.isChecked()).toBe(false);
    expect(await frame.getByRole('switch', { name: 'Discreet mode' }).count()).toBe(0);
    await frame.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);
    await hide.focus();
    await press(panel, 'Space');
    expect(await hide.isChecked()).toBe(true);
    expect(await frame.getByRole('textbox', { name: 'Notes: Goals' }).count()).toBe(0);

    // Back on the phone: Discreet mode turned off there stays off, whatever the meeting panel hides.
    await discreet.uncheck();
    await phone.page.reload();
    const again = (await (await phone.page.waitForSelector('iframe')).contentFrame())!;
    await again.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);
    expect(await again.getByRole('switch', { name: 'Discreet mode' }).isChecked()).toBe(false);
    await phone.page.context().close();
  }, 60_000);

  test('two windows, one person: the idle one picks up the newer notes, never "Saving…" for ever; a merge note goes once read', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    const introId = await introInMeeting(env.app, meetingId);
    const typing = await leaderPanel(meetingId);
    const idle = await typing.page.context().newPage();
    await idle.goto(hostUrl(env.app.baseUrl, { user: 'leader', meetingId, width: 320 }));
    const idleFrame = (await (await idle.waitForSelector('iframe')).contentFrame())!;
    await idleFrame.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);

    await typing.frame.getByRole('textbox', { name: 'Notes: Goals' }).fill('Wants to lead the migration');
    await typing.frame.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor(WAIT);
    await until(
      async () =>
        (await idleFrame.getByRole('textbox', { name: 'Notes: Goals' }).inputValue()) ===
          'Wants to lead the migration' && (await idleFrame.getByTestId('save-status').innerText()) !== 'Saving…',
      'the idle window to show the saved notes and stop saying "Saving…"',
    );
    await idle.close();

    // Changed elsewhere while this window types: both versions are kept and it says so, until read.
    const view = (await (await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/notes`)).json()) as NotesView;
    const changed = await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/notes`, {
      method: 'PUT',
      body: {
        text: { ...view.text, goals: 'From the phone' },
        goals: view.goals,
        issues: view.issues,
        feedback: view.feedback,
        followUps: view.followUps,
      },
      headers: { 'If-Match': `"${view.version}"` },
    });
    expect(changed.status).toBe(200);
    await typing.frame.getByRole('textbox', { name: 'Notes: Goals' }).fill('From the panel');
    const merged = typing.frame.getByText('on another device too', { exact: false });
    await merged.waitFor(WAIT);
    await typing.frame.getByRole('button', { name: 'Got it' }).click();
    await until(async () => (await merged.count()) === 0, 'the merge note to go once read');
    await typing.page.context().close();
  }, 60_000);
});
