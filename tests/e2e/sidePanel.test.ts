import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import { HOST_LEADER, HOST_MEMBER, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost, setHostTheme, type HostedTab } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const SHOTS = process.env['SHOTS_DIR'];

const env = useAppAndBrowser();

const hasHorizontalScroll = (frame: Frame) =>
  frame.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');

function seconds(text: string): number {
  const match = /(\d+):(\d\d) (left|over)/.exec(text);
  if (!match) throw new Error(`Not a time: ${text}`);
  const value = Number(match[1]) * 60 + Number(match[2]);
  return match[3] === 'over' ? -value : value;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function shoot(tab: HostedTab, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await tab.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const leaderUser = HOST_LEADER;
const memberUser = HOST_MEMBER;
const notesBox = (frame: Frame, phase: string) => frame.getByRole('textbox', { name: `Notes: ${phase}` });
const saveStatus = (frame: Frame) => frame.getByTestId('save-status');

describe('meeting side panel, live', () => {
  test('leader and member share the timer; notes autosave, stay private and survive a reload and an outage', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    const leader = await openInTeamsHost(env.browser, env.app.baseUrl, { user: 'leader', meetingId, width: 280 });
    await leader.frame.getByRole('button', { name: 'Set up this intro 1:1' }).click(WAIT);
    await leader.frame.getByText('You lead').waitFor(WAIT);

    // The member's clock is 90 s fast: the panel must correct it from the server's time, not trust it.
    const member = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'member',
      meetingId,
      width: 280,
      clockSkewMs: 90_000,
    });
    const memberClock = await member.frame.evaluate<number>('Date.now()');
    expect(memberClock - Date.now()).toBeGreaterThan(80_000);
    await member.frame.getByText('Someone set up an intro 1:1 in this meeting.', { exact: false }).waitFor(WAIT);
    await member.frame.getByRole('button', { name: 'Join' }).click(WAIT);
    await member.frame.getByText('You take part').waitFor(WAIT);
    expect(await member.frame.getByRole('toolbar', { name: 'Timer controls' }).count()).toBe(0);
    // The leader's panel learns who joined without a reload.
    await leader.frame.getByText('With Sam Member').waitFor(WAIT);

    // Start from the keyboard: the pressed control becomes Pause and the caret goes to the Goals notes, the next thing
    // a leader does. Both panels then show the same phase and remaining time.
    await leader.frame.getByRole('button', { name: 'Start' }).focus(WAIT);
    await leader.page.keyboard.press('Enter');
    await leader.frame.getByRole('button', { name: 'Pause' }).waitFor(WAIT);
    await leader.frame.waitForFunction(
      `document.activeElement === document.querySelector('[data-landing="notes"] textarea')`,
      undefined,
      WAIT,
    );
    await member.frame.getByTestId('phase-name').filter({ hasText: 'Goals' }).waitFor(WAIT);
    await leader.frame.getByTestId('phase-name').filter({ hasText: 'Goals' }).waitFor(WAIT);
    const [leaderTime, memberTime] = await Promise.all([
      leader.frame.getByTestId('phase-time').innerText(),
      member.frame.getByTestId('phase-time').innerText(),
    ]);
    expect(Math.abs(seconds(leaderTime) - seconds(memberTime))).toBeLessThanOrEqual(1);

    // Next reaches the member within 3 s.
    await leader.frame.getByRole('button', { name: 'Next phase' }).click(WAIT);
    const pressed = Date.now();
    await member.frame.getByTestId('phase-name').filter({ hasText: "How it's going" }).waitFor({ timeout: 3000 });
    expect(Date.now() - pressed).toBeLessThanOrEqual(3000);

    // The leader's notes autosave and survive a reload.
    await notesBox(leader.frame, "How it's going").fill('Feels the on-call rota is unfair.');
    await saveStatus(leader.frame)
      .filter({ hasText: /^Saved$/ })
      .waitFor(WAIT);
    await leader.frame.getByRole('textbox', { name: 'New issue' }).fill('On-call rota');
    await leader.frame.getByRole('button', { name: 'Add issue' }).click();
    await saveStatus(leader.frame)
      .filter({ hasText: /^Saved$/ })
      .waitFor(WAIT);
    await shoot(leader, 'leader-light');
    await shoot(member, 'member-light');
    await leader.page.reload();
    const reloaded = (await (await leader.page.waitForSelector('iframe')).contentFrame()) as Frame;
    const leaderTab: HostedTab = { page: leader.page, frame: reloaded };
    await reloaded.getByText('On-call rota', { exact: true }).waitFor(WAIT);
    expect(await notesBox(reloaded, "How it's going").inputValue(WAIT)).toBe('Feels the on-call rota is unfair.');

    // The member sees none of it, in the UI or through the API.
    expect(await notesBox(member.frame, "How it's going").inputValue(WAIT)).toBe('');
    expect(await member.frame.getByText('On-call rota').count()).toBe(0);
    const introId = (
      (await (await env.app.api(leaderUser, `/api/v1/meetings/${meetingId}/intro`)).json()) as {
        intro: { id: string };
      }
    ).intro.id;
    const memberNotes = (await (await env.app.api(memberUser, `/api/v1/intros/${introId}/notes`)).json()) as {
      text: Record<string, string>;
      issues: unknown[];
    };
    expect(memberNotes.text['pullFeedback']).toBe('');
    expect(memberNotes.issues).toEqual([]);

    // The API goes away while the leader types: the edits are kept, then saved when it returns.
    await env.app.pause();
    await notesBox(reloaded, "How it's going").fill('Feels the on-call rota is unfair. Wants a swap board.');
    await saveStatus(reloaded).filter({ hasText: 'Offline — kept on this device' }).waitFor(WAIT);
    const kept = await reloaded.evaluate<string>('JSON.stringify(Object.entries(localStorage))');
    expect(kept).toContain('Wants a swap board.');
    await env.app.resume();
    await saveStatus(reloaded)
      .filter({ hasText: /^Saved$/ })
      .waitFor(WAIT);
    const saved = (await (await env.app.api(leaderUser, `/api/v1/intros/${introId}/notes`)).json()) as {
      text: Record<string, string>;
    };
    expect(saved.text['pullFeedback']).toBe('Feels the on-call rota is unfair. Wants a swap board.');

    // 280 px without horizontal scroll, every theme followed live, no serious axe violations.
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await setHostTheme(leader.page, theme);
      await setHostTheme(member.page, theme);
      await reloaded.waitForFunction(
        `document.querySelector('[data-teams-theme="${theme}"]') !== null`,
        undefined,
        WAIT,
      );
      await member.frame.waitForFunction(
        `document.querySelector('[data-teams-theme="${theme}"]') !== null`,
        undefined,
        WAIT,
      );
      expect(await hasHorizontalScroll(reloaded)).toBe(false);
      expect(await hasHorizontalScroll(member.frame)).toBe(false);
      expect(await seriousViolations(leader.page)).toEqual([]);
      expect(await seriousViolations(member.page)).toEqual([]);
      await shoot(leaderTab, `leader-${theme}`);
      await shoot(member, `member-${theme}`);
    }
    const background = await reloaded.evaluate<string>(
      "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor",
    );
    expect(background).not.toBe('rgb(255, 255, 255)');

    await leader.page.context().close();
    await member.page.context().close();
  }, 60_000);

  test('a slow Teams start shows a hint, then the panel carries on when Teams answers', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    // In an iframe the tab waits 10 s before the hint; this host answers after 11 s.
    const tab = await openInTeamsHost(env.browser, env.app.baseUrl, { meetingId, initDelayMs: 11_000 });
    await tab.frame.getByText('Still connecting to Teams').waitFor(WAIT);
    await tab.frame.getByRole('button', { name: 'Set up this intro 1:1' }).waitFor(WAIT);
    expect(await tab.frame.getByText('Still connecting to Teams').count()).toBe(0);
    await tab.page.context().close();
  }, 40_000);

  test('says how to open the tab when it runs outside Teams', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.app.baseUrl}/tab/index.html?view=meeting`);
    await page.getByText('Open this in Microsoft Teams, or in the local preview at /tab/preview.html.').waitFor(WAIT);
    await page.close();
  }, 30_000);
});
