import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import type { IntroView, NotesView } from '../../src/contract';
import { HOST_LEADER, HOST_MEMBER, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost, type HostedTab } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const SHOTS = process.env['HISTORY_SCREENSHOTS'];
const LEAD = HOST_LEADER;
const SAM = HOST_MEMBER;

const env = useAppAndBrowser();

/** An intro led by the simulator's leader, joined by its member, with the leader's notes. */
async function seedIntro(goal: string, followUp: string): Promise<IntroView> {
  const meeting = `history-e2e-${randomUUID()}`;
  const view = (await (await env.app.api(LEAD, `/api/v1/meetings/${meeting}/intro`, { body: {} })).json()) as IntroView;
  await env.app.api(SAM, `/api/v1/meetings/${meeting}/intro`, { body: {} });
  await env.app.api(LEAD, `/api/v1/intros/${view.intro.id}/session`, { body: { action: 'start' } });
  await env.app.api(LEAD, `/api/v1/intros/${view.intro.id}/session`, { body: { action: 'end' } });
  const saved = await env.app.api(LEAD, `/api/v1/intros/${view.intro.id}/notes`, {
    method: 'PUT',
    headers: { 'if-match': '"0"' },
    body: {
      text: { prep: '', goals: `Talked about ${goal.toLowerCase()}`, pullFeedback: '', pushFeedback: '' },
      goals: [{ id: 'g1', text: goal, horizon: 'medium' }],
      issues: [],
      feedback: [{ id: 'fb1', text: `Good progress on ${goal.toLowerCase()}`, kind: 'celebratory', goalId: 'g1' }],
      followUps: [{ id: 'f1', text: followUp, owner: 'leader', done: false }],
    },
  });
  expect(saved.status).toBe(200);
  return view;
}

/** An intro the leader set up, started and ended before the member ever joined. */
async function seedNeverJoined(): Promise<void> {
  const meeting = `history-e2e-${randomUUID()}`;
  const view = (await (await env.app.api(LEAD, `/api/v1/meetings/${meeting}/intro`, { body: {} })).json()) as IntroView;
  await env.app.api(LEAD, `/api/v1/intros/${view.intro.id}/session`, { body: { action: 'start' } });
  await env.app.api(LEAD, `/api/v1/intros/${view.intro.id}/session`, { body: { action: 'end' } });
}

/** The accessible text of the element that has focus inside the tab. */
async function focused(frame: Frame): Promise<string> {
  return (await frame.evaluate(
    '`${document.activeElement?.tagName.toLowerCase()}: ${document.activeElement?.textContent ?? ""}`',
  )) as string;
}

/** Whether the page is hidden from assistive technology (an aria-hidden ancestor of its main landmark). */
async function pageHidden(frame: Frame): Promise<boolean> {
  return (await frame.locator('[aria-hidden="true"]:has(main)').count()) > 0;
}

async function leaderNotes(id: string): Promise<NotesView> {
  return (await (await env.app.api(LEAD, `/api/v1/intros/${id}/notes`)).json()) as NotesView;
}

async function download(tab: HostedTab, button: string): Promise<string> {
  await tab.frame.getByRole('button', { name: 'More actions' }).click();
  const [file] = await Promise.all([
    tab.page.waitForEvent('download', WAIT),
    tab.frame.getByRole('menuitem', { name: button }).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

/** Polls a condition until it holds, or fails after the usual wait. */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT.timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function axeViolations(page: Page): Promise<string[]> {
  // Tabster (Fluent's focus manager) adds focusable, aria-hidden sentinels to an iframe's body by design.
  const result = await new AxeBuilder({ page }).exclude(['iframe', '[data-tabster-dummy]']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const entries = (frame: Frame) => frame.getByRole('list', { name: 'Intro 1:1s with Sam Member' }).getByRole('listitem');

describe('personal tab history', () => {
  test('list, open, tick, search, export, delete: the list follows without a reload, focus is never lost', async () => {
    const first = await seedIntro('Ship the onboarding guide', 'Book the onboarding workshop');
    const second = await seedIntro('Run a team retro', 'Send the retro template');
    await seedNeverJoined();
    const open = () =>
      openInTeamsHost(env.browser, env.app.baseUrl, { frameContext: 'content', view: 'history', width: 720 });
    const tab = await open();
    const { frame } = tab;

    await frame.getByRole('heading', { name: 'Sam Member' }).waitFor(WAIT);
    expect(await entries(frame).count()).toBe(2);
    expect(await entries(frame).first().innerText()).toMatch(
      /Done[\s\S]*45:00 planned · 0:00 spent[\s\S]*1 open, 0 done/,
    );
    // Set up, started and ended before the member joined: not "Done".
    const alone = frame.getByRole('list', { name: 'Intro 1:1s with Not joined yet' }).getByRole('listitem');
    expect(await alone.first().innerText()).toMatch(/Ended before the member joined/);
    expect(await alone.first().innerText()).not.toMatch(/\bDone\b/);
    await shot(tab.page, 'history-list');
    expect(await axeViolations(tab.page)).toEqual([]);

    // Open the newest one: its heading takes the focus; time per phase in m:ss; feedback names its goal.
    await entries(frame).first().getByRole('button').click();
    await frame.getByRole('heading', { name: 'Intro 1:1 with Sam Member' }).waitFor(WAIT);
    await waitUntil(async () => (await focused(frame)) === 'h2: Intro 1:1 with Sam Member');
    const table = frame.getByRole('table', { name: 'Planned and actual time per phase' });
    expect(await table.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/Phase\s+Planned\s+Actual/),
      expect.stringMatching(/Goals\s+15:00\s+0:00/),
      expect.stringMatching(/How it's going\s+20:00\s+0:00/),
      expect.stringMatching(/Feedback\s+10:00\s+0:00/),
    ]);
    await frame.getByText('Run a team retro (medium term)').waitFor(WAIT);
    await frame
      .getByText('Good progress on run a team retro (celebratory) — about goal: Run a team retro')
      .waitFor(WAIT);
    expect(await frame.locator('body').innerText()).not.toMatch(/\d+\.\d+ min|owner: leader/);
    await shot(tab.page, 'history-detail');
    expect(await axeViolations(tab.page)).toEqual([]);

    // Tick its follow-up (its owner by name) and go back: the entry follows without a reload, and has the focus.
    await frame.getByRole('checkbox', { name: 'Send the retro template (owner: Avery Leader)' }).check();
    await waitUntil(async () => (await leaderNotes(second.intro.id)).followUps[0]?.done === true);
    await frame.getByRole('button', { name: 'Back to history' }).click();
    await waitUntil(async () => (await entries(frame).first().innerText()).includes('0 open, 1 done follow-up'));
    const newest = await entries(frame).first().getByRole('button').innerText();
    await waitUntil(async () => (await focused(frame)) === `button: ${newest}`);

    // Search my notes: snippets start on a word.
    await frame.getByRole('searchbox', { name: 'Search my notes' }).fill('onboarding');
    await frame.getByText('1 intro 1:1 found.').waitFor(WAIT);
    await frame.getByText('Goal (medium term):').waitFor(WAIT);

    // Mark a follow-up done while the notes changed elsewhere: the tab gets 412, reloads and reapplies.
    await entries(frame).first().getByRole('button').click();
    const checkbox = frame.getByRole('checkbox', { name: /Book the onboarding workshop/ });
    await checkbox.waitFor(WAIT);
    const before = await leaderNotes(first.intro.id);
    const elsewhere = { ...before, text: { ...before.text, prep: 'Edited on another device' } };
    const { introId: _id, version: _v, updatedAt: _u, ...body } = elsewhere;
    await env.app.api(LEAD, `/api/v1/intros/${first.intro.id}/notes`, {
      method: 'PUT',
      headers: { 'if-match': `"${before.version}"` },
      body,
    });
    await checkbox.check();
    await waitUntil(async () => (await leaderNotes(first.intro.id)).followUps[0]?.done === true);
    const after = await leaderNotes(first.intro.id);
    expect(after.text.prep).toBe('Edited on another device');
    await frame.getByRole('button', { name: 'Back to history' }).click();
    // The search is asked again: the follow-up now reads as done in the result.
    await waitUntil(async () => (await entries(frame).first().innerText()).includes('0 open, 1 done follow-up'));
    await frame.getByRole('searchbox', { name: 'Search my notes' }).fill('');
    await waitUntil(async () => (await entries(frame).count()) === 2);

    // Export both formats: owners by name, feedback with its goal, truthful status, m:ss.
    const md = await download(tab, 'Export Markdown');
    expect(md).toContain('## Sam Member');
    expect(md).toContain('- [x] Book the onboarding workshop (owner: Avery Leader)');
    expect(md).toContain('- [x] Send the retro template (owner: Avery Leader)');
    expect(md).toContain('- (celebratory) Good progress on run a team retro — about goal: Run a team retro');
    expect(md).toContain('You led · 45:00 planned · 0:00 spent · Ended before the member joined');
    expect(md).not.toMatch(/\d+\.\d+ min/);
    const csv = await download(tab, 'Export CSV');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFintro_id,date,with,role,status,kind,detail,text,done,owner,due,about_goal,planned,spent',
    );
    expect(csv).toContain(`${first.intro.id},`);
    expect(csv).toContain('followUp,,Book the onboarding workshop,yes,Avery Leader,,,45:00,0:00');
    expect(csv).toContain(
      'feedback,celebratory,Good progress on ship the onboarding guide,,,,Ship the onboarding guide,45:00,0:00',
    );

    // The delete-all dialog (from the More menu) is an alert dialog described by its message, its confirmation in the
    // danger colour; Cancel gives the focus back to the menu's button.
    await frame.getByRole('button', { name: 'More actions' }).click();
    await frame.getByRole('menuitem', { name: 'Delete all my data' }).click();
    const dialog = frame.getByRole('alertdialog', { name: 'Delete all your Intro 1:1 data?' });
    await dialog.waitFor(WAIT);
    const describedBy = (await dialog.getAttribute('aria-describedby')) ?? 'none';
    expect(await frame.locator(`[id="${describedBy}"]`).innerText()).toMatch(/^All your notes are deleted/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await waitUntil(async () => (await frame.evaluate('document.activeElement?.ariaLabel')) === 'More actions');
    expect(await pageHidden(frame)).toBe(false);

    // Delete one intro's notes: the intro stays (it is Sam's too), says it has no notes, and has the focus.
    await entries(frame).last().getByRole('button').click();
    await frame.getByRole('button', { name: 'Delete my notes on this intro' }).click();
    await frame.getByRole('alertdialog').getByRole('button', { name: 'Delete my notes' }).click();
    await frame.getByText('Your notes on that intro 1:1 were deleted.').waitFor(WAIT);
    await waitUntil(async () => (await entries(frame).last().innerText()).includes('No notes'));
    const oldest = await entries(frame).last().getByRole('button').innerText();
    await waitUntil(async () => (await focused(frame)) === `button: ${oldest}`);
    // The dialog's aria-hidden is gone from the page: screen readers still have it.
    await waitUntil(async () => !(await pageHidden(frame)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await pageHidden(frame)).toBe(false);
    await tab.page.context().close();

    const again = await open();
    await again.frame.getByRole('heading', { name: 'Sam Member' }).waitFor(WAIT);
    expect(await entries(again.frame).last().innerText()).toContain('No notes');
    await again.frame.getByRole('searchbox', { name: 'Search my notes' }).fill('onboarding');
    await again.frame.getByText('Nothing in your notes matches.').waitFor(WAIT);
    expect((await leaderNotes(first.intro.id)).version).toBe(0);
    expect((await leaderNotes(second.intro.id)).goals).toHaveLength(1);

    // The other intro is deleted meanwhile (all data): opening it says so, and a reload shows the empty state.
    await again.frame.getByRole('searchbox', { name: 'Search my notes' }).fill('');
    await waitUntil(async () => (await entries(again.frame).count()) === 2);
    expect((await env.app.api(LEAD, '/api/v1/me/data', { method: 'DELETE' })).status).toBe(204);
    await entries(again.frame).first().getByRole('button').click();
    await again.frame.getByText('This intro 1:1 was deleted.').waitFor(WAIT);
    await again.page.reload();
    const frame2 = (await (await again.page.waitForSelector('iframe')).contentFrame())!;
    await frame2.getByText(/No intro 1:1s yet\. To plan one, send "schedule"/).waitFor(WAIT);
    await again.page.context().close();
  }, 120_000);

  test('the member sees the intro with their own notes and nothing of the leader’s', async () => {
    await seedIntro('Secret leader goal', 'Secret leader follow-up');
    const tab = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'member',
      frameContext: 'content',
      view: 'history',
      width: 320,
      theme: 'dark',
    });
    await tab.frame.getByRole('heading', { name: 'Avery Leader' }).first().waitFor(WAIT);
    await tab.frame.getByRole('button').filter({ hasText: /\d{4}/ }).first().click();
    await tab.frame.getByText('Nothing shared yet.').waitFor(WAIT);
    await tab.frame.getByText('You have no notes on this intro 1:1.').waitFor(WAIT);
    expect(await tab.frame.locator('body').innerText()).not.toContain('Secret leader');
    expect(
      await tab.frame.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
    ).toBe(true);
    await shot(tab.page, 'history-member-dark-narrow');
    await tab.page.context().close();
  }, 60_000);

  test('says when the API is unreachable and recovers on Retry', async () => {
    const tab = await openInTeamsHost(env.browser, env.app.baseUrl, {
      frameContext: 'content',
      view: 'history',
      width: 480,
      theme: 'contrast',
    });
    await tab.page.context().route('**/api/v1/history**', (route) => route.abort('connectionrefused'));
    await tab.frame.getByRole('button', { name: 'More actions' }).waitFor(WAIT);
    await tab.page.reload();
    const frame = (await (await tab.page.waitForSelector('iframe')).contentFrame())!;
    await frame.getByText('Cannot reach Intro 1:1').waitFor(WAIT);
    await shot(tab.page, 'history-offline-contrast');
    await tab.page.context().unroute('**/api/v1/history**');
    await frame.getByRole('button', { name: 'Retry' }).click();
    await frame.getByRole('heading', { name: 'Sam Member' }).waitFor(WAIT);
    await tab.page.context().close();
  }, 60_000);
});
