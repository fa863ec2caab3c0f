import { randomUUID } from 'node:crypto';
import { emptyNotesBody } from '../../src/domain/notes';
import { HOST_LEADER, introInMeeting, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };

const env = useAppAndBrowser();

const focusedLabel = `(() => {
  const el = document.activeElement;
  const label = el && el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
  return label ? label.textContent : null;
})()`;

describe('meeting side panel, editing', () => {
  test('notes never move under typing: drafts, focus and the prep field stay; over the cap is said once', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    const introId = await introInMeeting(env.app, meetingId);
    const saved = await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/notes`, {
      method: 'PUT',
      body: { ...emptyNotesBody(), text: { ...emptyNotesBody().text, prep: 'Ask about the rota' } },
      headers: { 'If-Match': '"0"' },
    });
    expect(saved.status).toBe(200);
    const act = async (action: string) => {
      const answer = await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/session`, { body: { action } });
      expect(answer.status).toBe(200);
    };
    const tab = await openInTeamsHost(env.browser, env.app.baseUrl, { meetingId, width: 280 });
    const { frame } = tab;

    // Emptying the prep keeps its field, and the focus in it.
    const prep = frame.getByRole('textbox', { name: 'Your prep' });
    await frame.getByText('Ask about the rota').waitFor(WAIT);
    await prep.fill('');
    expect(await prep.count()).toBe(1);
    expect(await frame.evaluate<string | null>(focusedLabel)).toBe('Your prep');

    // A typed-but-not-added goal survives the phase changing under it: the Goals tab stays open, focus stays put, and
    // the panel offers to follow instead.
    const newGoal = frame.getByRole('textbox', { name: 'New goal' });
    await newGoal.fill('Learn the deploy pipeline');
    await act('start');
    await act('next');
    const follow = frame.getByRole('button', { name: /^Now: How it's going/ });
    await follow.waitFor(WAIT);
    expect(await newGoal.inputValue()).toBe('Learn the deploy pipeline');
    expect(await frame.evaluate<string | null>(focusedLabel)).toBe('New goal');
    await tab.page.keyboard.type(' safely');
    expect(await newGoal.inputValue()).toBe('Learn the deploy pipeline safely');

    // The person opens the new phase when they choose; the draft is still there when they come back.
    await follow.click();
    await frame.getByRole('textbox', { name: 'New issue' }).waitFor(WAIT);
    expect(await frame.getByRole('tab', { name: "How it's going now" }).getAttribute('aria-selected')).toBe('true');
    await frame.getByRole('tab', { name: 'Goals' }).click();
    expect(await newGoal.inputValue(WAIT)).toBe('Learn the deploy pipeline safely');
    // Arrow keys move between the tabs; Alt+Shift+F opens the current phase's notes.
    await frame.getByRole('tab', { name: 'Goals' }).press('ArrowRight');
    await frame.getByRole('textbox', { name: "Notes: How it's going" }).waitFor(WAIT);
    await frame.getByRole('tab', { name: "How it's going now" }).press('ArrowLeft');
    await frame.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);
    await tab.page.keyboard.press('Alt+Shift+KeyF');
    await frame.getByRole('textbox', { name: "Notes: How it's going" }).waitFor(WAIT);

    // Over the cap: one fixed alert; the count is in the (quiet) hint and follows the typing.
    const notes = frame.getByRole('textbox', { name: "Notes: How it's going" });
    await notes.fill('x'.repeat(20_001));
    const alert = frame.getByRole('alert');
    await alert.waitFor(WAIT);
    expect(await alert.allInnerTexts()).toEqual(['Too long to save — shorten it to 20,000 characters']);
    await frame.getByText('20,001 of 20,000 characters.', { exact: false }).waitFor(WAIT);
    await notes.press('End');
    await notes.press('x');
    await frame.getByText('20,002 of 20,000 characters.', { exact: false }).waitFor(WAIT);
    expect(await frame.getByRole('alert').allInnerTexts()).toEqual([
      'Too long to save — shorten it to 20,000 characters',
    ]);
    // The status line is visual; only trouble (here: too long) reaches the live region.
    expect(await frame.getByTestId('save-status').getAttribute('role')).toBeNull();
    expect(await frame.getByTestId('save-status-announcement').innerText()).toBe('Not saved — too long');
    await notes.fill('short again');
    await frame
      .getByTestId('save-status')
      .filter({ hasText: /^Saved$/ })
      .waitFor(WAIT);
    expect(await frame.getByTestId('save-status-announcement').innerText()).toBe('');
    expect(await frame.getByRole('alert').count()).toBe(0);

    await tab.page.context().close();
  }, 60_000);
});
