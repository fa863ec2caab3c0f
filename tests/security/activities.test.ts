import { generateKeyPair, SignJWT } from 'jose';
import {
  BOT,
  TENANT_ID,
  USER,
  baseActivity,
  installActivity,
  messageActivity,
  postActivity,
  type ActivityJson,
} from '../support/activities';
import { startConnectorStub, type ConnectorStub, type RecordedActivity } from '../support/connectorStub';
import { startTestApp, type TestApp, type TestUser } from '../support/testApp';
import { countCases } from './support/cases';
import { lanAddress, postUnfinished, startRecorder, type Recorder } from './support/network';
import { unsignedToken } from './support/oidcStub';

/** Forged activities against POST /api/messages in each mode: 400 or 401, never 500, nothing sent or stored. */
const cases = countCases('activities');
const BOT_ID = 'b0700000-5ec0-4000-8000-0000000000b0';
const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const VICTIM: TestUser = { oid: USER.aadObjectId, tid: TENANT_ID, name: USER.name };
const VICTIM_CHAT = `a:personal-${USER.aadObjectId}`;
const LAN = lanAddress();

let local: TestApp;
let connector: ConnectorStub;
/** An attacker's host on this machine's LAN address (non-loopback), or none when the machine has no LAN. */
let evil: Recorder | undefined;
const EVIL_URLS = (): string[] => ['https://evil.example.com/', ...(evil ? [evil.url] : [])];
let slowest = 0;

async function post(app: TestApp, body: unknown, authorization?: string): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await response.text();
  const ms = Date.now() - started;
  slowest = Math.max(slowest, ms);
  return { status: response.status, ms };
}

/** Someone other than the victim, so the victim has no conversation reference until they install the app. */
const BYSTANDER = { id: '29:user-bo', aadObjectId: 'c0c0c0c0-0000-4000-8000-0000000000c0', name: 'Bo Bystander' };
const valid = (): ActivityJson =>
  messageActivity(connector.serviceUrl, 'help', {
    from: { ...BYSTANDER },
    conversationId: `a:personal-${BYSTANDER.aadObjectId}`,
  });
const without = (field: string) => () => {
  const activity = valid();
  delete activity[field];
  return activity;
};
const withField = (field: string, value: unknown) => () => ({ ...valid(), [field]: value });

/** Bodies no bot code may see: each answers 400 in local mode. */
const MALFORMED: ReadonlyArray<readonly [string, () => unknown]> = [
  ['not JSON', () => '{"type":'],
  ['a JSON array', () => [valid()]],
  ['JSON null', () => 'null'],
  ['no type', without('type')],
  ['a numeric type', withField('type', 42)],
  ['an object type', withField('type', { toString: 'message' })],
  ['an empty type', withField('type', '')],
  ['a numeric serviceUrl', withField('serviceUrl', 42)],
  ['an array serviceUrl', withField('serviceUrl', [TEAMS_SERVICE_URL])],
  ['no serviceUrl', without('serviceUrl')],
  ['no conversation', without('conversation')],
  ['a numeric conversation id', withField('conversation', { id: 7, conversationType: 'personal' })],
  ['serviceUrl https://evil.example.com/', withField('serviceUrl', 'https://evil.example.com/')],
  ['serviceUrl http://evil.example.com/', withField('serviceUrl', 'http://evil.example.com/')],
  ['serviceUrl file:///etc/passwd', withField('serviceUrl', 'file:///etc/passwd')],
  ['serviceUrl not a URL', withField('serviceUrl', 'not a url')],
  ['a loopback serviceUrl with credentials', () => ({ ...valid(), serviceUrl: 'http://u:p@127.0.0.1:9/' })],
  ["serviceUrl on this machine's LAN address", () => ({ ...valid(), serviceUrl: evil?.url ?? 'http://192.0.2.1/' })],
  ['a Teams serviceUrl (not loopback: refused locally)', withField('serviceUrl', TEAMS_SERVICE_URL)],
];

beforeAll(async () => {
  [local, connector, evil] = await Promise.all([
    startTestApp(),
    startConnectorStub(),
    LAN ? startRecorder(LAN) : undefined,
  ]);
});
afterAll(async () => {
  await Promise.all([local?.stop(), connector?.stop(), evil?.stop()]);
  process.stdout.write(`security: activities: the slowest bot request took ${slowest} ms\n`);
});

describe('local mode (unauthenticated bot, loopback serviceUrls only)', () => {
  it('answers a well-formed activity from a loopback connector (the rows below are not vacuous)', async () => {
    const activity = valid();
    expect((await post(local, activity)).status).toBe(200);
    await connector.waitFor((r: RecordedActivity) => r.replyToId === activity['id']);
    cases.bump();
  });

  it.each(MALFORMED)('%s → 400 within a second', async (_name, body) => {
    const { status, ms } = await post(local, body());
    expect(status).toBe(400);
    expect(ms).toBeLessThan(1000);
    cases.bump();
  });

  it('reads the body in local mode: an unfinished body gets no answer (the unread-body checks below can fail)', async () => {
    await expect(postUnfinished(`${local.baseUrl}/api/messages`, {}, 500)).rejects.toThrow(/waited for the body/);
    cases.bump();
  });

  it.each(['https://evil.example.com/', 'the LAN host'])(
    'a personal recap for someone else with serviceUrl %s → 400',
    async (which) => {
      const serviceUrl = which === 'the LAN host' ? (evil?.url ?? 'http://192.0.2.1/') : which;
      expect((await post(local, messageActivity(serviceUrl, 'recap'))).status).toBe(400);
      cases.bump();
    },
  );

  /** Sets up an intro led by the victim in `meetingId` and ends its meeting: the recap goes to the victim. */
  async function endMeetingLedByVictim(meetingId: string): Promise<void> {
    connector.setMeetingParticipants(meetingId, [{ aadObjectId: VICTIM.oid, name: VICTIM.name, role: 'Organizer' }]);
    expect((await local.api(VICTIM, `/api/v1/meetings/${meetingId}/intro`, { body: {} })).status).toBe(201);
    const chat = `19:meeting_${meetingId}@thread.v2`;
    const event = {
      ...baseActivity(connector.serviceUrl, 'event', { conversationId: chat, conversationType: 'groupChat' }),
      name: 'application/vnd.microsoft.meetingEnd',
      channelData: { tenant: { id: TENANT_ID }, meeting: { id: meetingId } },
      value: { Id: meetingId, Title: 'Intro 1:1', MeetingType: 'Scheduled' },
    };
    expect((await postActivity(`${local.baseUrl}/api/messages`, event)).status).toBeLessThan(300);
  }
  const toVictim = (r: RecordedActivity) => r.conversationId === VICTIM_CHAT && r.body['type'] === 'message';

  it('stored no conversation reference: the recap of a later meeting goes nowhere', async () => {
    for (const url of EVIL_URLS()) await post(local, messageActivity(url, 'recap'));
    connector.clear();
    await endMeetingLedByVictim('MCMxOTptZWV0aW5nX2ZvcmdlZDFAdGhyZWFkLnYyIzA=');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.activities.filter(toVictim)).toEqual([]);
    expect(evil?.requests ?? []).toEqual([]);
    cases.bump();
  });

  it('kept the real reference: after a real install and forged recaps, the recap goes to the real chat', async () => {
    expect((await postActivity(`${local.baseUrl}/api/messages`, installActivity(connector.serviceUrl))).status).toBe(
      200,
    );
    for (const url of EVIL_URLS()) expect((await post(local, messageActivity(url, 'recap'))).status).toBe(400);
    connector.clear();
    await endMeetingLedByVictim('MCMxOTptZWV0aW5nX2ZvcmdlZDJAdGhyZWFkLnYyIzA=');
    const recap = await connector.waitFor(toVictim);
    expect(recap.conversationId).toBe(VICTIM_CHAT);
    expect(evil?.requests ?? []).toEqual([]);
    cases.bump();
  });

  it('sent nothing to the LAN host through all the forged activities', async () => {
    if (!evil) return; // no LAN address on this machine: the https host above cannot be observed
    expect(evil.requests).toEqual([]);
    cases.bump();
  });
});

/** A few activities, well-formed and not, for the closed and authenticated endpoints. */
const ANY_ACTIVITY: ReadonlyArray<readonly [string, () => unknown]> = [
  ['a well-formed activity from Teams', () => ({ ...valid(), serviceUrl: TEAMS_SERVICE_URL })],
  ['a well-formed activity from loopback', valid],
  ...MALFORMED.filter(([name]) => ['not JSON', 'no type', 'a numeric type', 'no serviceUrl'].includes(name)),
];

describe.each([
  ['BOT_DOMAIN only', { BOT_DOMAIN: 'intro.example.com' }],
  [
    'Entra settings only',
    {
      AAD_APP_CLIENT_ID: 'c1e0a0d0-5ec0-4000-8000-00000000c11d',
      AAD_APP_OAUTH_AUTHORITY: 'https://login.microsoftonline.com/organizations',
    },
  ],
])('deployment without a bot (%s): every activity 401', (_name, env) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ...env, HOST: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(
    ANY_ACTIVITY.flatMap(
      ([name, body]) =>
        [
          [name, body, undefined],
          [name, body, 'Bearer x.y.z'],
        ] as const,
    ),
  )('%s (Authorization: %#) → 401', async (_activity, body, authorization) => {
    expect((await post(app, body(), authorization)).status).toBe(401);
    cases.bump();
  });

  it.each([undefined, 'Bearer x.y.z'])('answers 401 without reading the body (Authorization: %s)', async (auth) => {
    expect(await postUnfinished(`${app.baseUrl}/api/messages`, auth ? { authorization: auth } : {})).toBe(401);
    cases.bump();
  });
});

describe('deployment with BOT_ID and BOT_PASSWORD: Bot Framework authentication', () => {
  let app: TestApp;
  let selfSigned: string;
  beforeAll(async () => {
    app = await startTestApp({ BOT_ID, BOT_PASSWORD: 'not-a-real-secret', HOST: '127.0.0.1' });
    const { privateKey } = await generateKeyPair('RS256');
    selfSigned = await new SignJWT({ serviceurl: TEAMS_SERVICE_URL, appid: BOT_ID, ver: '1.0' })
      .setProtectedHeader({ alg: 'RS256', kid: 'self-made', typ: 'JWT' })
      .setIssuer('https://api.botframework.com')
      .setAudience(BOT_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const teamsActivity = () => ({ ...valid(), serviceUrl: TEAMS_SERVICE_URL, recipient: { ...BOT } });
  const TOKENS: ReadonlyArray<readonly [string, () => string | undefined]> = [
    ['no Authorization', () => undefined],
    ['a Basic credential', () => 'Basic Ym90OnNlY3JldA=='],
    ['a garbage bearer', () => 'Bearer garbage'],
    ['a self-signed JWT', () => `Bearer ${selfSigned}`],
    [
      'an alg:none JWT',
      () =>
        `Bearer ${unsignedToken({ iss: 'https://api.botframework.com', aud: BOT_ID, serviceurl: TEAMS_SERVICE_URL })}`,
    ],
  ];

  it.each(TOKENS)('a well-formed activity with %s → 401', async (_name, token) => {
    expect((await post(app, teamsActivity(), token())).status).toBe(401);
    cases.bump();
  });

  it.each(ANY_ACTIVITY)('%s without Authorization → 401 (authentication first)', async (_name, body) => {
    expect((await post(app, body())).status).toBe(401);
    cases.bump();
  });

  it.each(MALFORMED)('%s with a garbage bearer → 401 (the token is checked before the body)', async (_name, body) => {
    expect((await post(app, body(), 'Bearer garbage')).status).toBe(401);
    cases.bump();
  });

  it('a malformed body with a garbage bearer → 401 (the token is checked before the body)', async () => {
    expect((await post(app, without('type')(), 'Bearer garbage')).status).toBe(401);
  });

  it.each(['Basic Ym90OnNlY3JldA==', undefined])('answers 401 without reading the body (%s)', async (auth) => {
    expect(await postUnfinished(`${app.baseUrl}/api/messages`, auth ? { authorization: auth } : {})).toBe(401);
    cases.bump();
  });
});
