import { emptyNotesBody, type NotesBody } from '../../src/domain/notes';
import { installActivity, postActivity } from '../support/activities';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { LEADER, MEMBER, OUTSIDER, startTestApp, type TestApp } from '../support/testApp';
import { cardsOf, isMessage, textsOf } from '../bot/botHelpers';

/**
 * POST /intros/:id/share: the leader sends the member chosen lists of the recap (never notes) in the member's chat,
 * and the intro keeps when and what, for the panel and History.
 */
const MEMBER_CHAT = `a:personal-${MEMBER.oid}`;
const NOTE_TEXT = 'private: worried about the reorg';
const GOAL = 'Learn Portuguese this year';
const FOLLOW_UP = 'Book a slot with the architecture guild';

let t: TestApp;
let connector: ConnectorStub;
let meetingSeq = 0;

beforeAll(async () => {
  connector = await startConnectorStub();
  t = await startTestApp();
});
afterAll(async () => {
  await Promise.all([t.stop(), connector.stop()]);
});

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const share = (introId: string, body: unknown, user = LEADER) =>
  t.api(user, `/api/v1/intros/${introId}/share`, { body });
const inMemberChat = (r: RecordedActivity) => isMessage(r) && r.conversationId === MEMBER_CHAT;

async function heldIntro(): Promise<string> {
  const meeting = `share-${++meetingSeq}-${Date.now()}`;
  // Once the member has a chat with the bot, the roster is asked through it: the stub says who is in the meeting.
  connector.setMeetingParticipants(meeting, [
    { aadObjectId: LEADER.oid, name: LEADER.name, role: 'Organizer' },
    { aadObjectId: MEMBER.oid, name: MEMBER.name },
  ]);
  const created = await json(await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} }));
  expect((await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);
  const introId = created.intro.id as string;
  const notes: NotesBody = {
    ...emptyNotesBody(),
    text: { ...emptyNotesBody().text, pullFeedback: NOTE_TEXT },
    goals: [{ id: 'goal-1', text: GOAL, horizon: 'long' }],
    followUps: [{ id: 'follow-1', text: FOLLOW_UP, owner: 'leader', done: false }],
  };
  const saved = await t.api(LEADER, `/api/v1/intros/${introId}/notes`, {
    method: 'PUT',
    body: notes,
    headers: { 'if-match': '"0"' },
  });
  expect(saved.status).toBe(200);
  return introId;
}

/** The member opens a personal chat with the bot, as Teams tells it when the app is added. */
async function memberOpensChat(): Promise<void> {
  const from = { id: '29:member', aadObjectId: MEMBER.oid, name: MEMBER.name };
  const activity = installActivity(connector.serviceUrl, { from, conversationId: MEMBER_CHAT, tenantId: MEMBER.tid });
  expect((await postActivity(`${t.baseUrl}/api/messages`, activity)).status).toBeLessThan(300);
}

describe('POST /intros/:id/share', () => {
  it('says the member has no chat yet, names them, sends nothing and marks nothing', async () => {
    const introId = await heldIntro();
    connector.clear();
    const refused = await share(introId, { parts: ['goals', 'followUps'] });
    expect(refused.status).toBe(409);
    const body = await json(refused);
    expect(body.error.code).toBe('memberUnreachable');
    expect(body.error.message).toContain(MEMBER.name);
    expect(connector.activities.filter(inMemberChat)).toEqual([]);
    expect((await json(await t.api(LEADER, `/api/v1/intros/${introId}`))).intro.sharedWithMember).toBeUndefined();
  });

  it('sends only the chosen lists, never the notes, and the intro says when and what for both people', async () => {
    await memberOpensChat();
    const introId = await heldIntro();
    connector.clear();
    const sent = await share(introId, { parts: ['goals'] });
    expect(sent.status).toBe(200);
    expect(sent.headers.get('cache-control')).toBe('no-store');
    const result = await json(sent);
    expect(result).toEqual({ sentTo: MEMBER.name, shared: { at: expect.any(String), parts: ['goals'] } });
    const card = await connector.waitFor(inMemberChat);
    const words = cardsOf(card).flatMap(textsOf).join('\n');
    expect(words).toContain(GOAL);
    expect(words).not.toContain(FOLLOW_UP);
    expect(JSON.stringify(card.body)).not.toContain(NOTE_TEXT);
    for (const user of [LEADER, MEMBER]) {
      const view = await json(await t.api(user, `/api/v1/intros/${introId}`));
      expect(view.intro.sharedWithMember).toEqual(result.shared);
    }

    connector.clear();
    const again = await json(await share(introId, { parts: ['followUps', 'goals'] }));
    expect(again.shared.parts).toEqual(['goals', 'followUps']);
    const words2 = cardsOf(await connector.waitFor(inMemberChat))
      .flatMap(textsOf)
      .join('\n');
    expect(words2).toContain(FOLLOW_UP);
  });

  it('lets only the leader send: the member and an outsider learn nothing', async () => {
    const introId = await heldIntro();
    for (const user of [MEMBER, OUTSIDER]) {
      const refused = await share(introId, { parts: ['goals'] }, user);
      expect(refused.status).toBe(404);
      expect((await json(refused)).error.code).toBe('notFound');
    }
  });

  it.each([
    ['nothing chosen', { parts: [] }],
    ['free text asked for', { parts: ['notes'] }],
    ['no parts', {}],
    ['an unknown field', { parts: ['goals'], text: 'hi' }],
  ])('refuses %s with 400 and sends nothing', async (_case, body) => {
    const introId = await heldIntro();
    connector.clear();
    const refused = await share(introId, body);
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.code).toBe('invalidBody');
    expect(connector.activities.filter(inMemberChat)).toEqual([]);
  });

  it('says nobody joined yet when the intro has no member', async () => {
    const meeting = `share-alone-${Date.now()}`;
    connector.setMeetingParticipants(meeting, [{ aadObjectId: LEADER.oid, name: LEADER.name, role: 'Organizer' }]);
    const created = await json(await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} }));
    const refused = await share(created.intro.id, { parts: ['goals'] });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.code).toBe('noMember');
  });
});
