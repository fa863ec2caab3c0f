import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Frame } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { openInTeamsHost, setHostTheme } from '../support/teamsHost';
import { startTestApp, type TestApp } from '../support/testApp';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const SET_UP = 'Set up this intro 1:1';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function agendaTexts(frame: Frame): Promise<string[]> {
  const agenda = frame.getByRole('list', { name: 'Agenda' });
  await agenda.waitFor(WAIT);
  return agenda.getByRole('listitem').allInnerTexts();
}

async function hasHorizontalScroll(frame: Frame): Promise<boolean> {
  return frame.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}

function expectPhases(texts: string[]): void {
  expect(texts).toHaveLength(3);
  expect(texts[0]).toMatch(/Goals[\s\S]*15 min/);
  expect(texts[1]).toMatch(/How it's going[\s\S]*20 min/);
  expect(texts[2]).toMatch(/Feedback[\s\S]*10 min/);
}

describe('meeting side panel', () => {
  test('the leader sets up the intro and the member sees the same agenda', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    const leader = await openInTeamsHost(browser, app.baseUrl, { user: 'leader', meetingId, width: 320 });
    await leader.frame.getByRole('button', { name: SET_UP }).click(WAIT);

    expectPhases(await agendaTexts(leader.frame));
    await leader.frame.getByText('You lead').waitFor(WAIT);
    await leader.frame.getByLabel('Status: Not started').waitFor(WAIT);
    expect(await hasHorizontalScroll(leader.frame)).toBe(false);
    const axe = await new AxeBuilder({ page: leader.page }).analyze();
    expect(
      axe.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);

    // Only participants can read an intro, so the member first joins it through the same button.
    const member = await openInTeamsHost(browser, app.baseUrl, { user: 'member', meetingId, width: 280 });
    await member.frame.getByRole('button', { name: SET_UP }).click(WAIT);
    expectPhases(await agendaTexts(member.frame));
    await member.frame.getByText('You take part').waitFor(WAIT);
    expect(await hasHorizontalScroll(member.frame)).toBe(false);

    await leader.page.context().close();
    await member.page.context().close();
  }, 60_000);

  test('follows a theme change from the host live', async () => {
    const { page, frame } = await openInTeamsHost(browser, app.baseUrl, { meetingId: `e2e-${randomUUID()}` });
    await frame.getByRole('button', { name: SET_UP }).waitFor(WAIT);
    const background = () =>
      frame.evaluate<string>("getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor");
    expect(await background()).toBe('rgb(255, 255, 255)');

    await setHostTheme(page, 'dark');
    await frame.waitForFunction('document.querySelector(\'[data-teams-theme="dark"]\') !== null', undefined, WAIT);
    expect(await background()).toBe('rgb(41, 41, 41)');
    await page.context().close();
  }, 30_000);

  test('says how to open the tab when it runs outside Teams', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/tab/index.html?view=meeting`);
    await page.getByText('Open this in Microsoft Teams, or in the local preview at /tab/preview.html.').waitFor(WAIT);
    await page.close();
  }, 30_000);
});
