import { randomUUID } from 'node:crypto';
import type { Frame } from 'playwright-core';
import type { IntroView } from '../../src/contract';
import { emptyNotesBody } from '../../src/domain/notes';
import { HOST_LEADER, HOST_MEMBER, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };

const env = useAppAndBrowser();

async function seedIntro(goal: string): Promise<void> {
  const meeting = `phone-e2e-${randomUUID()}`;
  const view = (await (
    await env.app.api(HOST_LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} })
  ).json()) as IntroView;
  await env.app.api(HOST_MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
  await env.app.api(HOST_LEADER, `/api/v1/intros/${view.intro.id}/session`, { body: { action: 'start' } });
  await env.app.api(HOST_LEADER, `/api/v1/intros/${view.intro.id}/session`, { body: { action: 'end' } });
  await env.app.api(HOST_LEADER, `/api/v1/intros/${view.intro.id}/notes`, {
    method: 'PUT',
    headers: { 'if-match': '"0"' },
    body: { ...emptyNotesBody(), goals: [{ id: 'g1', text: goal, horizon: 'short' }] },
  });
}

/** Whether an element's top is inside the first screen of the tab. */
const onFirstScreen = (frame: Frame, selector: string) =>
  frame.evaluate<boolean>(
    `document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect().top < window.innerHeight`,
  );

/** The red, green and blue of an element's background. */
async function background(frame: Frame, name: string): Promise<number[]> {
  const button = frame.getByRole('button', { name });
  const colour = await button.evaluate(
    (element) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(element)
        .backgroundColor,
  );
  return (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

describe('history on a phone (360 px)', () => {
  test('the first screen is the list; search and filters are one control; export and delete wait in a menu', async () => {
    await seedIntro('Ship the onboarding guide');
    await seedIntro('Run a team retro');
    const { page, frame } = await openInTeamsHost(env.browser, env.app.baseUrl, {
      frameContext: 'content',
      view: 'history',
      width: 360,
      hostClientType: 'android',
    });
    const entries = frame.getByRole('list', { name: 'Intro 1:1s with Sam Member' }).getByRole('listitem');
    await entries.first().waitFor(WAIT);
    // Person, place, date and a line of the leader's own notes of the newest intro are on the first screen.
    expect(await onFirstScreen(frame, '[aria-label="Intro 1:1s with Sam Member"] li')).toBe(true);
    expect(await entries.first().innerText()).toMatch(/\d{4}[\s\S]*Teams call[\s\S]*Run a team retro/);
    expect(await entries.nth(1).innerText()).toContain('Ship the onboarding guide');
    await frame.getByRole('heading', { name: 'Sam Member' }).waitFor(WAIT);

    // One search row: the filters unfold from it, export and delete are not on the page until asked for.
    expect(await frame.getByRole('searchbox', { name: 'Search my notes' }).count()).toBe(1);
    expect(await frame.getByRole('combobox', { name: 'Person' }).count()).toBe(0);
    expect(await frame.getByRole('button', { name: /Export|Delete all/ }).count()).toBe(0);
    const filters = frame.getByRole('button', { name: /^Filters/ });
    expect(await filters.getAttribute('aria-expanded')).toBe('false');
    await filters.click();
    await frame.getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Sam Member' });
    await frame.getByRole('button', { name: 'Filters · 1' }).waitFor(WAIT);

    await frame.getByRole('button', { name: 'More actions' }).click();
    await frame.getByRole('menuitem', { name: 'Export Markdown' }).waitFor(WAIT);
    await frame.getByRole('menuitem', { name: 'Export CSV' }).waitFor(WAIT);
    await frame.getByRole('menuitem', { name: 'Delete all my data' }).click();
    const dialog = frame.getByRole('alertdialog', { name: 'Delete all your Intro 1:1 data?' });
    await dialog.waitFor(WAIT);
    // What cannot be undone is in the danger colour: red well above green and blue.
    const [red, green, blue] = await background(frame, 'Delete everything');
    expect(red! - Math.max(green!, blue!)).toBeGreaterThan(60);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.context().close();
  }, 60_000);
});
