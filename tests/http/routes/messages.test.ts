import type { AddressInfo } from 'node:net';
import pino from 'pino';
import restify, { type Server } from 'restify';
import type { LoggedRequest } from '../../../src/http/context';
import { messagesRoute, type BotActivities, type Restarting } from '../../../src/http/routes/messages';
import { installActivity, messageActivity, postActivity } from '../../support/activities';
import { startConnectorStub, type ConnectorStub } from '../../support/connectorStub';
import { startTestApp, type TestApp } from '../../support/testApp';

/** POST /api/messages in local mode: what it refuses before any bot code runs, and invokes nobody handles. */
describe('POST /api/messages', () => {
  let app: TestApp;
  let connector: ConnectorStub;
  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStub()]);
  });
  afterAll(async () => {
    await Promise.all([app.stop(), connector.stop()]);
  });

  const post = (body: unknown) => postActivity(`${app.baseUrl}/api/messages`, body as never);

  // A well-formed activity with one thing wrong (the generated table is tests/security/activityShapes.test.ts).
  const good = (): Record<string, unknown> => messageActivity('http://127.0.0.1:1/', 'help');
  const without = (field: string) => Object.fromEntries(Object.entries(good()).filter(([key]) => key !== field));
  it.each([
    ['no type', without('type'), 'type'],
    ['a non-string type', { ...good(), type: 7 }, 'type'],
    ['no serviceUrl', without('serviceUrl'), 'serviceUrl'],
    ['a non-string serviceUrl', { ...good(), serviceUrl: ['x'] }, 'serviceUrl'],
    ['no conversation', without('conversation'), 'conversation'],
    ['no from', without('from'), 'from'],
    ['a locale that is not text', { ...good(), locale: true }, 'locale'],
    ['a member added without an id', { ...good(), membersAdded: [{ name: 'x' }] }, 'membersAdded.0.id'],
    ['a serviceUrl off this machine', { ...good(), serviceUrl: 'https://evil.example.com/' }, 'serviceUrl'],
  ])('answers 400 naming the field for an activity with %s', async (_name, body, field) => {
    const started = Date.now();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalidActivity', field } });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses what a web page could send: a request with an Origin, or a body that is not JSON', async () => {
    const activity = JSON.stringify(messageActivity(connector.serviceUrl, 'help'));
    const fromPage = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example.com' },
      body: activity,
    });
    expect(fromPage.status).toBe(401);
    const asText = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: activity,
    });
    expect(asText.status).toBe(415);
  });

  it('links the welcome card to the port the app really listens on (started with PORT=0)', async () => {
    connector.clear();
    await post(installActivity(connector.serviceUrl));
    const welcome = await connector.waitFor((a) => JSON.stringify(a.body).includes('/tab/'));
    const links = JSON.stringify(welcome.body).match(/https?:\/\/[^"\\]+\/tab\/[^"\\]*/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(app.baseUrl)).toBe(true);
  });

  it('answers an invoke the bot does not handle with 200, not 501', async () => {
    const activity = { ...messageActivity(connector.serviceUrl, ''), type: 'invoke', name: 'application/search' };
    const response = await post(activity);
    expect(response.status).toBe(200);
  });
});

/**
 * The route alone, over real HTTP, before a bot whose thread is down (the real thread's death and restart are in
 * tests/botThread.test.ts): what it answers while the bot restarts, and that every check before the bot's comes first.
 */
describe('POST /api/messages while the bot is restarting', () => {
  let server: Server;
  let endpoint: string;
  /** What the route asked the bot, in order. */
  const asked: string[] = [];
  const restarting = (retryAfterMs: number): Restarting => ({
    ok: false,
    error: { code: 'botRestarting', message: 'The bot is starting again.', retryAfterMs },
  });
  /** A bot whose thread is down: its token check and its turns both answer that it is restarting. */
  const downFor = (retryAfterMs: number): BotActivities => ({
    mode: 'local',
    authenticate: async () => {
      asked.push('authenticate');
      return restarting(retryAfterMs);
    },
    runActivity: async () => {
      asked.push('runActivity');
      return restarting(retryAfterMs);
    },
  });
  /** The route reads the bot at each request, so each test sets what it needs here. */
  const bot: { -readonly [K in keyof BotActivities]: BotActivities[K] } = downFor(0);
  beforeAll(async () => {
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.pre((req, _res, next) => {
      (req as LoggedRequest).logger = pino({ level: 'silent' });
      return next();
    });
    messagesRoute(server, bot);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    asked.length = 0;
    Object.assign(bot, downFor(0));
  });

  const send = (headers: Record<string, string> = {}) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(messageActivity('http://127.0.0.1:1/', 'help')),
    });
  const expectRestarting = async (response: Response, retryAfter: string) => {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(retryAfter);
    expect(await response.json()).toEqual({ error: { code: 'botRestarting', message: 'The bot is starting again.' } });
  };

  it.each([
    [0, '1'],
    [400, '1'],
    [1000, '1'],
    [2500, '3'],
    [30_000, '30'],
  ])('answers 503 with Retry-After in whole seconds (at least 1) when the bot is back in %i ms', async (ms, header) => {
    Object.assign(bot, downFor(ms));
    await expectRestarting(await send(), header);
    // The bot thread checks tokens, so the token check is what finds it down.
    expect(asked).toEqual(['authenticate']);
  });

  it('answers 503 for an activity whose turn finds the thread down after its token was accepted', async () => {
    bot.authenticate = async () => ({ ok: true, value: undefined });
    await expectRestarting(await send(), '1');
    expect(asked).toEqual(['runActivity']);
  });

  it.each([
    ['a deployment without a bot', 'off', {}, 401],
    ['no bearer token', 'authenticated', {}, 401],
    ['an Origin', 'local', { origin: 'https://evil.example.com' }, 401],
    ['a body that is not JSON', 'local', { 'content-type': 'text/plain' }, 415],
  ] as const)('refuses an activity with %s as before, without asking the bot', async (_name, mode, headers, status) => {
    bot.mode = mode;
    const response = await send(headers);
    expect(response.status).toBe(status);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(asked).toEqual([]);
  });

  it('refuses a token the bot refuses with 401, as before', async () => {
    bot.authenticate = async () => ({ ok: false, error: { code: 'unauthorized', message: 'bad token' } });
    expect((await send({ authorization: 'Bearer forged' })).status).toBe(401);
    expect(asked).toEqual([]);
  });

  it('answers 500 internal, without Retry-After, when the bot fails for another reason', async () => {
    bot.authenticate = async () => ({ ok: true, value: undefined });
    bot.runActivity = async () => {
      throw new Error('the turn failed');
    };
    const response = await send();
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toEqual({
      error: { code: 'internal', message: 'The bot could not handle this activity.' },
    });
  });
});
