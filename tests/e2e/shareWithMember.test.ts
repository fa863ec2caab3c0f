import { randomUUID } from 'node:crypto';
import type { Browser, Frame, Page } from 'playwright-core';
import type { IntroView } from '../../src/contract';
import { emptyNotesBody } from '../../src/domain/notes';
import { installActivity, postActivity } from '../support/activities';
import { launchBrowser } from '../support/browser';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { HOST_LEADER, HOST_MEMBER } from '../support/e2eSetup';
import { openInTeamsHost } from '../support/teamsHost';
import { startTestApp, type TestApp } from '../support/testApp';
import { cardsOf, isMessage, textsOf } from '../bot/botHelpers';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };
const GOAL = 'Give a talk at the guild';
const FOLLOW_UP = 'Send Sam the speaker form';
const MEMBER_CHAT = `a:personal-${HOST_MEMBER.oid}`;
const SHOTS = process.env['SHARE_SCREENSHOTS'];

let app: TestApp;
let browser: Browser;
let connector: ConnectorStub;
beforeAll(async () => {
  [app, browser, connector] = await Promise.all([startTestApp(), launchBrowser(), startConnectorStub()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([app?.stop(), connector?.stop()]);
});

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const inMemberChat = (r: RecordedActivity) => isMessage(r) && r.conversationId === MEMBER_CHAT;
const fitsWidth = (frame: Frame) =>
  frame.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

/** An intro in a meeting, held and ended, with the leader's goals, a follow-up and private text saved. */
async function endedIntro(): Promise<string> {
  const meeting = `share-e2e-${randomUUID()}`;
  // Once someone has a chat with the bot, the roster is asked through it: the stub says who is in the meeting.
  connector.setMeetingParticipants(meeting, [
    { aadObjectId: HOST_LEADER.oid, name: HOST_LEADER.name, role: 'Organizer' },
    { aadObjectId: HOST_MEMBER.oid, name: HOST_MEMBER.name },
  ]);
  const view = (await (
    await app.api(HOST_LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} })
  ).json()) as IntroView;
  expect((await app.api(HOST_MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);
  const id = view.intro.id;
  const saved = await app.api(HOST_LEADER, `/api/v1/intros/${id}/notes`, {
    method: 'PUT',
    headers: { 'if-match': '"0"' },
    body: {
      ...emptyNotesBody(),
      text: { ...emptyNotesBody().text, pullFeedback: 'private: tired of on-call' },
      goals: [{ id: 'g1', text: GOAL, horizon: 'medium' }],
      followUps: [{ id: 'f1', text: FOLLOW_UP, owner: 'leader', done: false }],
    },
  });
  expect(saved.status).toBe(200);
  for (const action of ['start', 'end'])
    expect((await app.api(HOST_LEADER, `/api/v1/intros/${id}/session`, { body: { action } })).status).toBe(200);
  return meeting;
}

describe('sending the member the goals and follow-ups', () => {
  test('after End in a 320 px panel: a refusal stays until the next try, then the chosen list goes and says so', async () => {
    const meeting = await endedIntro();
    const { page, frame } = await openInTeamsHost(browser, app.baseUrl, {
      user: 'leader',
      meetingId: meeting,
      width: 320,
    });
    await frame.getByRole('heading', { name: 'Send to Sam Member' }).waitFor(WAIT);
    const goals = frame.getByRole('checkbox', { name: 'Goals (1)' });
    const followUps = frame.getByRole('checkbox', { name: 'Follow-ups (1)' });
    expect([await goals.isChecked(), await followUps.isChecked()]).toEqual([true, true]);

    // Sam never opened a chat with the bot: nothing goes, the panel says why and what to do, and it stays.
    connector.clear();
    await frame.getByRole('button', { name: 'Send to Sam' }).click();
    const refusal = frame.getByText(/Sam Member has not opened a chat with Intro 1:1 yet, so nothing was sent/);
    await refusal.waitFor(WAIT);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await refusal.isVisible()).toBe(true);
    expect(connector.activities.filter(inMemberChat)).toEqual([]);
    expect(await fitsWidth(frame)).toBe(true);
    await shot(page, 'share-refused-320');

    // Sam opens the chat; the leader sends the goals only, by keyboard.
    const from = { id: '29:sam', aadObjectId: HOST_MEMBER.oid, name: HOST_MEMBER.name };
    const chat = installActivity(connector.serviceUrl, {
      from,
      conversationId: MEMBER_CHAT,
      tenantId: HOST_MEMBER.tid,
    });
    expect((await postActivity(`${app.baseUrl}/api/messages`, chat)).status).toBeLessThan(300);
    await connector.waitFor(inMemberChat); // the welcome
    connector.clear();
    await followUps.focus();
    await page.keyboard.press('Space');
    expect(await followUps.isChecked()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await frame
      .getByRole('status')
      .filter({ hasText: /Sent your goals to Sam Member at / })
      .waitFor(WAIT);
    expect(await refusal.count()).toBe(0);
    await frame.getByRole('button', { name: 'Send again to Sam' }).waitFor(WAIT);
    await shot(page, 'share-sent-320');
    const words = cardsOf(await connector.waitFor(inMemberChat))
      .flatMap(textsOf)
      .join('\n');
    expect(words).toContain(GOAL);
    expect(words).not.toContain(FOLLOW_UP);
    expect(words).not.toContain('on-call');
    await page.context().close();
  }, 60_000);

  test('History says what was sent: to the leader with Send again, to the member without the lists', async () => {
    const leader = await openInTeamsHost(browser, app.baseUrl, {
      frameContext: 'content',
      view: 'history',
      width: 360,
    });
    await leader.frame.getByRole('button').filter({ hasText: /\d{4}/ }).first().click();
    await leader.frame.getByRole('heading', { name: 'Send to Sam Member' }).waitFor(WAIT);
    await leader.frame.getByText(/Sent your goals to Sam Member (at|on) /).waitFor(WAIT);
    const sendAgain = leader.frame.getByRole('button', { name: 'Send again to Sam' });
    await sendAgain.waitFor(WAIT);
    expect(await fitsWidth(leader.frame)).toBe(true);

    // Ticking a follow-up done saves the notes: until that save is stored, Send waits (it sends the stored copy).
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await leader.page.context().route('**/api/v1/intros/*/notes', async (route) => {
      if (route.request().method() === 'PUT') await held;
      await route.continue();
    });
    await leader.frame.getByRole('checkbox', { name: new RegExp(FOLLOW_UP) }).click();
    await leader.frame.getByRole('status').filter({ hasText: 'Saving your notes first…' }).waitFor(WAIT);
    expect(await sendAgain.getAttribute('aria-disabled')).toBe('true');
    release();
    await leader.frame
      .getByRole('status')
      .filter({ hasText: /Sent your goals to Sam Member/ })
      .waitFor(WAIT);
    expect(await sendAgain.getAttribute('aria-disabled')).not.toBe('true');
    await leader.page.context().close();

    const member = await openInTeamsHost(browser, app.baseUrl, {
      user: 'member',
      frameContext: 'content',
      view: 'history',
      width: 360,
    });
    await member.frame.getByRole('button').filter({ hasText: /\d{4}/ }).first().click();
    await member.frame.getByText(/Avery Leader sent you the goals from this intro on /).waitFor(WAIT);
    expect(await member.frame.getByRole('heading', { name: /Send to/ }).count()).toBe(0);
    expect(await member.frame.locator('body').innerText()).not.toContain(GOAL);
    await member.page.context().close();
  }, 60_000);
});
