import { graphCalendar, type GraphCalendarOptions } from '../../src/calendar/graphCalendar';
import type { Intro } from '../../src/domain/intro';
import { startGraphStub, type GraphStub } from '../support/graphStub';
import { makeIntro, newTenant, newUser } from '../store/fixtures';

const APP_ID = 'b7f1c2d3-1111-4222-8333-444455556666';
const BIND = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${APP_ID}`;
const CONTENT_URL = 'https://intro.example.com/tab/index.html?view=meeting';
const TENANT = 'c0ffee00-0000-4000-8000-000000000001';

let stub: GraphStub;
let warnings: string[];

beforeEach(async () => {
  stub = await startGraphStub();
  warnings = [];
});
afterEach(async () => {
  await stub.stop();
});

function calendar(overrides: Partial<GraphCalendarOptions> = {}) {
  return graphCalendar({
    clientId: 'client-1',
    clientSecret: 'secret-1',
    tenantId: TENANT,
    baseUrl: stub.baseUrl,
    authorityHost: stub.authorityHost,
    teamsAppId: APP_ID,
    contentUrl: () => CONTENT_URL,
    onWarning: (message, error) => {
      warnings.push(message);
      if (process.env['DEBUG_GRAPH']) console.log(message, error);
    },
    ...overrides,
  });
}

function intro(): Intro {
  return makeIntro({
    tenantId: newTenant(),
    leaderId: newUser(),
    memberId: newUser(),
    scheduledStart: '2025-06-03T12:30:00.000Z',
    durationMinutes: 45,
  });
}

const bodyOf = (path: RegExp) => stub.requests.find((r) => path.test(r.path))?.body as Record<string, unknown>;

describe('the Graph calendar', () => {
  it('creates the Teams meeting, finds its chat, installs the app and pins the tab, in that order', async () => {
    const scheduled = intro();
    stub.addUser({
      id: scheduled.member!.id,
      displayName: 'Mia Member',
      mail: 'mia@contoso.com',
      userPrincipalName: 'mia@contoso.com',
    });
    const result = await calendar().schedule(scheduled);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const leader = scheduled.leader.id;
    expect(stub.calls()).toEqual([
      `GET /v1.0/users/${scheduled.member!.id}`,
      `POST /v1.0/users/${leader}/events`,
      `GET /v1.0/users/${leader}/onlineMeetings`,
      `POST /v1.0/chats/${encodeURIComponent('19:meeting_stub1@thread.v2')}/installedApps`,
      `POST /v1.0/chats/${encodeURIComponent('19:meeting_stub1@thread.v2')}/tabs`,
    ]);
    const token = stub.requests[0]!;
    expect(token.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(Object.fromEntries(new URLSearchParams(String(token.body)))).toEqual({
      client_id: 'client-1',
      client_secret: 'secret-1',
      scope: 'https://graph.microsoft.com/.default',
      grant_type: 'client_credentials',
    });
    expect(bodyOf(/\/events$/)).toMatchObject({
      start: { dateTime: '2025-06-03T12:30:00.000', timeZone: 'UTC' },
      end: { dateTime: '2025-06-03T13:15:00.000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: 'mia@contoso.com', name: 'Mia Member' }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(bodyOf(/\/installedApps$/)).toEqual({ 'teamsApp@odata.bind': BIND });
    expect(bodyOf(/\/tabs$/)).toEqual({
      displayName: 'Intro 1:1',
      'teamsApp@odata.bind': BIND,
      configuration: { entityId: 'intro-1-1', contentUrl: CONTENT_URL, websiteUrl: CONTENT_URL },
    });
    expect(result.value.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(result.value).toMatchObject({
      meetingId: 'MSo-stub-1',
      chatId: '19:meeting_stub1@thread.v2',
      tabPinned: true,
    });
    expect(warnings).toEqual([]);
  });

  it('invites the member by name when their mail cannot be read', async () => {
    const result = await calendar().schedule(intro());
    expect(result.ok).toBe(true);
    expect(bodyOf(/\/events$/)['attendees']).toEqual([{ emailAddress: { name: 'Mia Member' }, type: 'required' }]);
  });

  it('refuses with what the admin must grant when Graph answers 403', async () => {
    stub.fail({ method: 'POST', path: /\/events$/, status: 403, times: 5 });
    const result = await calendar().schedule(intro());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('forbidden');
    expect(result.error.message).toMatch(/Calendars\.ReadWrite/);
    expect(result.error.message).toMatch(/admin/);
    expect(stub.calls().filter((c) => c.includes('/chats/'))).toEqual([]);
  });

  it('retries after Retry-After on 429 and then succeeds', async () => {
    stub.fail({ method: 'POST', path: /\/events$/, status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await calendar().schedule(intro());
    expect(result.ok).toBe(true);
    const events = stub.requests.filter((r) => r.path.endsWith('/events'));
    expect(events).toHaveLength(2);
    expect(events[1]!.headers['retry-attempt']).toBe('1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up after a bounded number of 429s', async () => {
    stub.fail({ method: 'GET', path: /\/onlineMeetings$/, status: 429, retryAfter: 0, times: 100 });
    const result = await calendar().schedule(intro());
    expect(result.ok).toBe(true);
    expect(stub.requests.filter((r) => r.path.endsWith('/onlineMeetings')).length).toBe(4);
    if (result.ok) expect(result.value.tabPinned).toBeUndefined();
  });

  it.each([
    ['installing the app', /\/installedApps$/],
    ['pinning the tab', /\/tabs$/],
  ])('keeps the meeting when %s fails, without claiming the app is in the chat', async (_step, path) => {
    stub.fail({ method: 'POST', path, status: 403 });
    const result = await calendar().schedule(intro());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.joinUrl).toBeDefined();
    expect(result.value.chatId).toBe('19:meeting_stub1@thread.v2');
    expect(result.value.tabPinned).toBeUndefined();
    expect(warnings).toEqual(['The Intro 1:1 tab could not be pinned in the meeting chat.']);
  });

  it('leaves the chat alone when no Teams app id is configured', async () => {
    const result = await calendar({ teamsAppId: undefined }).schedule(intro());
    expect(result.ok).toBe(true);
    expect(stub.calls().filter((c) => c.includes('/chats/'))).toEqual([]);
  });

  it('is unavailable, not forbidden, when the token endpoint refuses', async () => {
    const result = await calendar({ authorityHost: `${stub.authorityHost}/wrong` }).schedule(intro());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unavailable');
    expect(stub.calls().filter((c) => c.includes('/events'))).toEqual([]);
  });
});

describe('the Graph stub', () => {
  async function graph(method: string, path: string, body?: unknown) {
    const response = await fetch(`${stub.baseUrl}${path}`, {
      method,
      headers: { authorization: 'Bearer stub-token', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json().catch(() => undefined)) as unknown };
  }
  const event = {
    subject: 'Intro',
    start: { dateTime: '2025-06-03T12:30:00', timeZone: 'UTC' },
    end: { dateTime: '2025-06-03T13:15:00', timeZone: 'UTC' },
    attendees: [{ emailAddress: { address: 'mia@contoso.com', name: 'Mia' }, type: 'required' }],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
  };

  it.each<[string, Record<string, unknown>]>([
    [
      'an object id as attendee address',
      { attendees: [{ emailAddress: { address: 'a1b2', name: 'M' }, type: 'required' }] },
    ],
    ['no online meeting', { isOnlineMeeting: false }],
    ['a Skype meeting', { onlineMeetingProvider: 'skypeForBusiness' }],
    ['a start without time zone', { start: { dateTime: '2025-06-03T12:30:00' } }],
  ])('refuses an event with %s with a Graph-shaped 400', async (_case, change) => {
    const answer = await graph('POST', '/users/u1/events', { ...event, ...change });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'BadRequest', message: expect.any(String) } });
  });

  it('refuses a tab before the app is installed, a bind to another host, and a filter it cannot read', async () => {
    const created = await graph('POST', '/users/u1/events', event);
    expect(created.status).toBe(201);
    const chat = `/chats/${encodeURIComponent('19:meeting_stub1@thread.v2')}`;
    const tab = {
      displayName: 'X',
      'teamsApp@odata.bind': BIND,
      configuration: { entityId: 'e', contentUrl: CONTENT_URL },
    };
    expect((await graph('POST', `${chat}/tabs`, tab)).status).toBe(400);
    const otherHost = { 'teamsApp@odata.bind': `${stub.baseUrl}/appCatalogs/teamsApps/${APP_ID}` };
    expect((await graph('POST', `${chat}/installedApps`, otherHost)).status).toBe(400);
    expect((await graph('GET', `/users/u1/onlineMeetings?$filter=joinWebUrl=x`)).status).toBe(400);
    const anonymous = await fetch(`${stub.baseUrl}/users/u1/events`, { method: 'POST', body: JSON.stringify(event) });
    expect(anonymous.status).toBe(401);
  });
});
