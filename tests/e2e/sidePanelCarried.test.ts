import { randomUUID } from 'node:crypto';
import { emptyNotesBody, type NotesBody } from '../../src/domain/notes';
import { HOST_LEADER, HOST_MEMBER, introInMeeting, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost } from '../support/teamsHost';
import type { TestUser } from '../support/testApp';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };

const env = useAppAndBrowser();

const leader = HOST_LEADER;
const member = HOST_MEMBER;

const introIn = (meetingId: string) => introInMeeting(env.app, meetingId);

async function saveNotes(user: TestUser, introId: string, body: NotesBody): Promise<void> {
  const saved = await env.app.api(user, `/api/v1/intros/${introId}/notes`, {
    method: 'PUT',
    body,
    headers: { 'If-Match': '"0"' },
  });
  expect(saved.status).toBe(200);
}

describe('meeting side panel, goals carried forward', () => {
  test("the leader's Goals phase shows last time's goals and open follow-ups; the member's does not", async () => {
    const meetingA = `e2e-${randomUUID()}`;
    const first = await introIn(meetingA);
    // A first intro has nothing to carry forward: no "Last time" at all.
    let asked: Promise<unknown> = Promise.resolve();
    const firstTab = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'leader',
      meetingId: meetingA,
      width: 280,
      // The panel asks once on load: wait for that answer, then check nothing was shown.
      beforeOpen: (page) => {
        asked = page.waitForResponse((response) => response.url().includes('/carried-forward'), WAIT);
      },
    });
    await asked;
    await firstTab.frame.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);
    expect(await firstTab.frame.getByText('Last time').count()).toBe(0);
    await firstTab.page.context().close();

    await saveNotes(leader, first, {
      ...emptyNotesBody(),
      goals: [{ id: 'g1', text: 'Ship the onboarding guide', horizon: 'medium' }],
      followUps: [
        { id: 'f1', text: 'Book a session with the platform team', owner: 'leader', done: false },
        { id: 'f2', text: 'Already sorted', owner: 'member', done: true },
      ],
    });
    // The member's own notes never reach the leader's panel.
    await saveNotes(member, first, {
      ...emptyNotesBody(),
      goals: [{ id: 'm1', text: 'Member secret', horizon: 'short' }],
    });

    const meetingB = `e2e-${randomUUID()}`;
    await introIn(meetingB);
    const leaderTab = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'leader',
      meetingId: meetingB,
      width: 280,
    });
    const lastTime = leaderTab.frame.getByRole('region', { name: /Last time/ });
    await lastTime.getByText('Ship the onboarding guide').waitFor(WAIT);
    expect(await lastTime.getByRole('list', { name: "Last time's goals, medium term" }).count()).toBe(1);
    await lastTime.getByText('Book a session with the platform team', { exact: false }).waitFor(WAIT);
    expect(await lastTime.getByText('Already sorted').count()).toBe(0);
    expect(await leaderTab.frame.getByText('Member secret').count()).toBe(0);
    expect(await leaderTab.frame.evaluate<boolean>('document.documentElement.scrollWidth > 280 + 1')).toBe(false);

    // "Hide notes" shields last time's goals too (screen sharing): blurred, inert, hidden from screen readers.
    const shieldOf = (text: string) =>
      leaderTab.frame.evaluate<{ inert: boolean; hidden: string | null; filter: string }>(
        `(() => {
          const node = [...document.querySelectorAll('li')].find((li) => li.textContent.includes(${JSON.stringify(text)}));
          const shield = node.closest('[inert]');
          return { inert: shield !== null, hidden: shield && shield.getAttribute('aria-hidden'),
            filter: shield ? getComputedStyle(shield).filter : 'none' };
        })()`,
      );
    expect((await shieldOf('Ship the onboarding guide')).inert).toBe(false);
    await leaderTab.frame.getByRole('switch', { name: 'Hide notes' }).check();
    const shielded = await shieldOf('Ship the onboarding guide');
    expect(shielded).toEqual({ inert: true, hidden: 'true', filter: expect.stringContaining('blur') });
    expect(await leaderTab.frame.getByRole('region', { name: /Last time/ }).count()).toBe(0);
    expect((await shieldOf('Book a session with the platform team')).inert).toBe(true);
    await leaderTab.frame.getByRole('switch', { name: 'Hide notes' }).uncheck();
    expect((await shieldOf('Ship the onboarding guide')).inert).toBe(false);

    // Collapsible: Hide folds it away, Show brings it back.
    await lastTime.getByRole('button', { name: 'Hide' }).click();
    expect(await lastTime.getByText('Ship the onboarding guide').count()).toBe(0);
    await lastTime.getByRole('button', { name: 'Show' }).click();
    await lastTime.getByText('Ship the onboarding guide').waitFor(WAIT);

    const memberAsked: string[] = [];
    const memberTab = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'member',
      meetingId: meetingB,
      width: 280,
      beforeOpen: (page) =>
        page.on('request', (request) => request.url().includes('/carried-forward') && memberAsked.push(request.url())),
    });
    await memberTab.frame.getByText('You take part').waitFor(WAIT);
    await memberTab.frame.getByRole('textbox', { name: 'Notes: Goals' }).waitFor(WAIT);
    // The member's panel never asks: it would ask on mount, together with loading the notes, which is done now.
    await memberTab.frame.getByTestId('save-status').filter({ hasText: 'Private to you' }).waitFor(WAIT);
    expect(memberAsked).toEqual([]);
    expect(await memberTab.frame.getByText('Last time').count()).toBe(0);
    expect(await memberTab.frame.getByText('Ship the onboarding guide').count()).toBe(0);

    // Nor through the API: as the caller's own notes as leader, the member's answer is empty.
    const asMember = await env.app.api(member, `/api/v1/people/${leader.oid}/carried-forward`);
    expect(await asMember.json()).toEqual({ goals: [], openFollowUps: [] });

    await leaderTab.page.context().close();
    await memberTab.page.context().close();
  }, 60_000);
});
