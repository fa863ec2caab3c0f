import type { z } from 'zod';
import { API_ROUTES, apiErrorSchema, sessionViewSchema, type ApiAnswer, type RouteName } from '../../src/contract';
import { installActivity, postActivity } from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connectorStub';
import { firstEvent } from '../support/sessionEvents';
import { LEADER, MEMBER, OUTSIDER, startTestApp, type TestApp, type TestUser } from '../support/testApp';

/** Every answer the server gives in these tests is checked against the route table's schema for its status. */
let t: TestApp;
let connector: ConnectorStub;
const answered = new Map<RouteName, Set<number>>();
beforeAll(async () => {
  [t, connector] = await Promise.all([startTestApp(), startConnectorStub()]);
});
afterAll(async () => {
  await Promise.all([t.stop(), connector.stop()]);
});

const isSchema = (answer: ApiAnswer): answer is z.ZodTypeAny => typeof answer === 'object' && 'safeParse' in answer;

/** Calls route `name` at `path` and checks the answer against the table; returns the parsed JSON body, if any. */
async function call(
  name: RouteName,
  path: string,
  init: { user?: TestUser; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; response: Response }> {
  const route = API_ROUTES[name];
  const response = await t.api(init.user ?? LEADER, path, { method: route.method, ...init });
  const answer = (route.answers as Partial<Record<number, ApiAnswer>>)[response.status];
  answered.set(name, (answered.get(name) ?? new Set()).add(response.status));
  if (answer && answer !== 'empty' && 'stream' in answer) {
    // A stream never ends by itself: its first event must be the session view the route table names.
    expect(response.headers.get('content-type')).toContain(answer.stream);
    const first = await firstEvent(response);
    expect(sessionViewSchema.safeParse(JSON.parse(first.data)).error?.issues ?? []).toEqual([]);
    return { status: response.status, body: first, response };
  }
  if (answer === 'empty' || (answer && !isSchema(answer))) {
    if (answer !== 'empty') expect(response.headers.get('content-type')).toContain(answer.attachment);
    await response.text();
    return { status: response.status, body: undefined, response };
  }
  const body: any = await response.json();
  if (answer) {
    const parsed = answer.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
  } else {
    expect(apiErrorSchema.safeParse(body).success).toBe(true);
    expect([name, route.errors]).toEqual([name, expect.arrayContaining([body.error.code])]);
  }
  return { status: response.status, body, response };
}

describe('answers match the contract', () => {
  it('for a meeting intro, its session and notes', async () => {
    expect((await call('me', '/api/v1/me')).status).toBe(200);
    const meeting = `contract-meeting-${Date.now()}`;
    const created = await call('startMeetingIntro', `/api/v1/meetings/${meeting}/intro`, { body: {} });
    expect(created.status).toBe(201);
    expect(
      (await call('startMeetingIntro', `/api/v1/meetings/${meeting}/intro`, { user: MEMBER, body: {} })).status,
    ).toBe(200);
    const id: string = created.body.intro.id;
    expect((await call('getMeetingIntro', `/api/v1/meetings/${meeting}/intro`)).status).toBe(200);
    expect((await call('getMeetingIntro', '/api/v1/meetings/unknown-meeting/intro')).status).toBe(404);
    expect((await call('listIntros', '/api/v1/intros?limit=5')).status).toBe(200);
    expect((await call('listIntros', '/api/v1/intros?limit=0')).status).toBe(400);
    expect((await call('getIntro', `/api/v1/intros/${id}`)).status).toBe(200);
    expect((await call('getIntro', '/api/v1/intros/not-an-id')).status).toBe(400);

    const polled = await call('getSession', `/api/v1/intros/${id}/session`);
    const tag = polled.response.headers.get('etag') ?? '';
    expect(
      (await call('getSession', `/api/v1/intros/${id}/session`, { headers: { 'if-none-match': tag } })).status,
    ).toBe(304);
    expect((await call('sessionEvents', `/api/v1/intros/${id}/session/events`)).status).toBe(200);
    expect((await call('sessionEvents', `/api/v1/intros/${id}/session/events`, { user: OUTSIDER })).status).toBe(404);
    expect((await call('changeSession', `/api/v1/intros/${id}/session`, { body: { action: 'start' } })).status).toBe(
      200,
    );
    expect((await call('changeSession', `/api/v1/intros/${id}/session`, { body: { action: 'resume' } })).status).toBe(
      409,
    );
    expect(
      (await call('switchRoles', `/api/v1/intros/${id}/role-switch`, { body: { action: 'request' } })).status,
    ).toBe(200);

    const notes = `/api/v1/intros/${id}/notes`;
    expect((await call('getNotes', notes)).body.version).toBe(0);
    const body = {
      text: { prep: '', goals: 'Learn the domain', pullFeedback: '', pushFeedback: '' },
      goals: [{ id: 'g1', text: 'Ship the first change', horizon: 'short' }],
      issues: [],
      feedback: [],
      followUps: [{ id: 'f1', text: 'Pair on a review', owner: 'leader', done: false }],
    };
    expect((await call('saveNotes', notes, { body, headers: { 'if-match': '"0"' } })).status).toBe(200);
    expect((await call('saveNotes', notes, { body, headers: { 'if-match': '"0"' } })).status).toBe(412);
    expect((await call('saveNotes', notes, { body })).status).toBe(428);

    // Sharing reaches the member through their chat with the bot: refused before they have one, sent after.
    const share = `/api/v1/intros/${id}/share`;
    expect((await call('shareWithMember', share, { body: { parts: ['goals'] } })).status).toBe(409);
    const from = { id: '29:member', aadObjectId: MEMBER.oid, name: MEMBER.name };
    const chat = installActivity(connector.serviceUrl, { from, conversationId: 'a:member', tenantId: MEMBER.tid });
    expect((await postActivity(`${t.baseUrl}/api/messages`, chat)).status).toBeLessThan(300);
    expect((await call('shareWithMember', share, { body: { parts: ['goals', 'followUps'] } })).status).toBe(200);

    expect((await call('history', '/api/v1/history')).status).toBe(200);
    expect((await call('searchHistory', '/api/v1/history/search?q=ship')).body.items).toHaveLength(1);
    const carried = await call('carriedForward', `/api/v1/people/${MEMBER.oid}/carried-forward`);
    expect(carried.status).toBe(200);
    expect((await call('exportMarkdown', '/api/v1/export.md')).status).toBe(200);
    expect((await call('exportCsv', '/api/v1/export.csv')).status).toBe(200);
    expect((await call('teamPlans', '/api/v1/teams/plans')).status).toBe(200);
    expect((await call('deleteNotes', notes)).status).toBe(204);
  });

  it('for an intro held in person, and for deleting all of one person’s data', async () => {
    const started = await call('startInPerson', '/api/v1/in-person', { user: OUTSIDER, body: { memberName: 'Robin' } });
    expect(started.status).toBe(201);
    const opened = await call('openInPerson', `/api/v1/intros/${started.body.intro.id}/in-person`, { user: OUTSIDER });
    expect(opened.status).toBeLessThan(500);
    expect((await call('deleteMyData', '/api/v1/me/data', { user: OUTSIDER })).status).toBe(204);
  });

  it('covers a success of every route in the table', () => {
    const missing = Object.keys(API_ROUTES).filter(
      (name) => ![...(answered.get(name as RouteName) ?? [])].some((status) => status < 300),
    );
    expect(missing).toEqual([]);
  });
});
