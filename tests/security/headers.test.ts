import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FOREIGN, LEADER, MEMBER, OUTSIDER, startTestApp, type TestApp, type TestUser } from '../support/testApp';
import { API_ROUTES, EMPTY_NOTES } from './support/apiRoutes';
import { rawGet } from './support/network';
import { countCases } from './support/cases';

/** nosniff on every answer, no-store on every /api/v1 answer, frame-ancestors limited to Teams hosts on tab pages. */
const cases = countCases('headers');
const TAB_DIR = path.join(__dirname, '../../tab/dist');
const MEETING = 'MCMxOTptZWV0aW5nX2hlYWRlcnNAdGhyZWFkLnYyIzA=';
/** The hosts Teams documents for tabs (Teams, Outlook, Microsoft 365): all of them must be allowed to frame the tab. */
const TEAMS_HOSTS = [
  'teams.microsoft.com',
  '*.teams.microsoft.com',
  '*.cloud.microsoft',
  '*.microsoft365.com',
  '*.office.com',
  'outlook.office.com',
  'outlook.office365.com',
];
/** Someone with no data, for the sweep over every route (it includes DELETE /me/data). */
const SWEEPER: TestUser = { oid: '44444444-4444-4444-8444-444444444444', tid: LEADER.tid, name: 'Sweeper' };

let local: TestApp;
let deployed: TestApp;
let introId: string;

interface Req {
  readonly path: string;
  readonly method?: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** Sign in as this user with a local token. */
  readonly as?: TestUser;
}

async function send(app: TestApp, req: Req): Promise<Response> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.as) headers['authorization'] = `Bearer ${await app.mintToken(req.as)}`;
  if (req.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${app.baseUrl}${req.path}`, {
    method: req.method ?? 'GET',
    headers,
    body: req.body,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response;
}

const tabPages = () => readdirSync(TAB_DIR).filter((name) => name.endsWith('.html'));
const anAsset = () => `assets/${readdirSync(path.join(TAB_DIR, 'assets')).find((name) => name.endsWith('.js'))}`;
const json = (value: unknown) => JSON.stringify(value);
const notes = () => `/api/v1/intros/${introId}/notes`;

beforeAll(async () => {
  if (!existsSync(path.join(TAB_DIR, 'index.html'))) throw new Error('Run `npm run build:tab` first.');
  [local, deployed] = await Promise.all([
    startTestApp(),
    startTestApp({ BOT_DOMAIN: 'intro.example.com', HOST: '127.0.0.1' }),
  ]);
  const created = await local.api(LEADER, `/api/v1/meetings/${MEETING}/intro`, { body: {} });
  introId = ((await created.json()) as { intro: { id: string } }).intro.id;
  await local.api(MEMBER, `/api/v1/meetings/${MEETING}/intro`, { body: {} });
});
afterAll(async () => {
  await Promise.all([local?.stop(), deployed?.stop()]);
});

describe('X-Content-Type-Options: nosniff on every answer', () => {
  const LOCAL: readonly Req[] = [
    { path: '/healthz' },
    { path: '/readyz' },
    { path: '/' },
    { path: '/tab/' },
    { path: '/tab/index.html' },
    { path: '/tab/preview.html' },
    { path: '/tab/host.html' },
    { path: '/tab/ASSET' },
    { path: '/tab/no-such-page.html' },
    { path: '/no-such-path' },
    { path: '/api/v1/me', as: LEADER },
    { path: '/api/v1/me' },
    { path: '/api/v1/no-such-route', as: LEADER },
    { path: '/api/v1/me', method: 'PATCH', as: LEADER },
    { path: '/api/messages', method: 'POST', body: '{' },
    { path: '/local-auth/v2.0/.well-known/openid-configuration' },
    { path: '/local-auth/discovery/v2.0/keys' },
    { path: '/dev/token', method: 'POST', body: json({ oid: OUTSIDER.oid, tid: OUTSIDER.tid, name: 'x' }) },
    { path: '/invites/no-such-invite.ics' },
  ];
  const DEPLOYED: readonly Req[] = [
    { path: '/healthz' },
    { path: '/' },
    { path: '/tab/index.html' },
    { path: '/tab/preview.html' },
    { path: '/api/v1/me', headers: { authorization: 'Bearer x' } },
    { path: '/api/messages', method: 'POST', body: '{}' },
    { path: '/dev/token', method: 'POST', body: '{}' },
    { path: '/no-such-path' },
  ];
  const rows = [
    ...LOCAL.map((req) => ['local', req] as const),
    ...DEPLOYED.map((req) => ['deployment', req] as const),
  ].map(([mode, req]) => [mode, `${req.method ?? 'GET'} ${req.path}${req.as ? ' (signed in)' : ''}`, req] as const);

  it.each(rows)('%s: %s', async (mode, _name, req) => {
    const app = mode === 'local' ? local : deployed;
    const response = await send(app, { ...req, path: req.path.replace('ASSET', anAsset()) });
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    cases.bump();
  });
});

describe('Cache-Control: no-store on every /api/v1 answer', () => {
  const intro = () => `/api/v1/intros/${introId}`;
  const big = () => json({ ...EMPTY_NOTES, text: { ...EMPTY_NOTES.text, goals: 'x'.repeat(600 * 1024) } });
  const ROWS: ReadonlyArray<readonly [string, () => Req | Promise<Req>, number]> = [
    ['GET /intros/:id', () => ({ path: intro(), as: LEADER }), 200],
    ['GET /intros/:id/session', () => ({ path: `${intro()}/session`, as: LEADER }), 200],
    [
      'GET /intros/:id/session (304)',
      async () => {
        const current = await local.api(LEADER, `${intro()}/session`);
        return { path: `${intro()}/session`, as: LEADER, headers: { 'if-none-match': current.headers.get('etag')! } };
      },
      304,
    ],
    [
      'POST /intros/:id/session',
      () => ({ path: `${intro()}/session`, method: 'POST', body: json({ action: 'start' }), as: LEADER }),
      200,
    ],
    ['GET /intros/:id/notes', () => ({ path: notes(), as: LEADER }), 200],
    [
      'PUT /intros/:id/notes',
      () => ({ path: notes(), method: 'PUT', body: json(EMPTY_NOTES), headers: { 'if-match': '"0"' }, as: LEADER }),
      200,
    ],
    [
      'PUT /intros/:id/notes over a stale version (412)',
      () => ({ path: notes(), method: 'PUT', body: json(EMPTY_NOTES), headers: { 'if-match': '"0"' }, as: LEADER }),
      412,
    ],
    [
      'PUT /intros/:id/notes without If-Match (428)',
      () => ({ path: notes(), method: 'PUT', body: json(EMPTY_NOTES), as: LEADER }),
      428,
    ],
    [
      'PUT /intros/:id/notes as text/plain (415)',
      () => ({
        path: notes(),
        method: 'PUT',
        body: json(EMPTY_NOTES),
        headers: { 'if-match': '"1"', 'content-type': 'text/plain' },
        as: LEADER,
      }),
      415,
    ],
    [
      'PUT /intros/:id/notes too large (413)',
      () => ({ path: notes(), method: 'PUT', body: big(), headers: { 'if-match': '"1"' }, as: LEADER }),
      413,
    ],
    [
      'PUT /intros/:id/notes with a bad body (400)',
      () => ({ path: notes(), method: 'PUT', body: '{"text":1}', headers: { 'if-match': '"1"' }, as: LEADER }),
      400,
    ],
    ['GET /history', () => ({ path: '/api/v1/history', as: LEADER }), 200],
    ['GET /history/search', () => ({ path: '/api/v1/history/search?q=intro', as: LEADER }), 200],
    [
      'GET /history/search with a bad person (400)',
      () => ({ path: '/api/v1/history/search?person=x', as: LEADER }),
      400,
    ],
    ['GET /intros/:id with a bad id (400)', () => ({ path: '/api/v1/intros/not-an-id', as: LEADER }), 400],
    ['GET /intros/:id as an outsider', () => ({ path: intro(), as: OUTSIDER }), 404],
    [
      'POST /intros/:id/session as the member (403)',
      () => ({ path: `${intro()}/session`, method: 'POST', body: json({ action: 'pause' }), as: MEMBER }),
      403,
    ],
    [
      'GET /meetings/:id/intro in another tenant (404)',
      () => ({ path: `/api/v1/meetings/${MEETING}/intro`, as: FOREIGN }),
      404,
    ],
    ['GET /me without a token (401)', () => ({ path: '/api/v1/me' }), 401],
    ['PATCH /me (405)', () => ({ path: '/api/v1/me', method: 'PATCH', as: LEADER }), 405],
    ['GET an unknown /api/v1 route (404)', () => ({ path: '/api/v1/no-such-route', as: LEADER }), 404],
  ];

  it.each(ROWS)('%s', async (_name, request, status) => {
    const response = await send(local, await request());
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toMatch(/(^|[\s,])no-store($|[\s,])/);
    cases.bump();
  });

  it.each(API_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'every route, signed in: %s',
    async (_name, route) => {
      const response = await send(local, {
        path: route.path,
        method: route.method,
        body: route.body === undefined ? undefined : json(route.body),
        headers: route.headers as Record<string, string> | undefined,
        as: SWEEPER,
      });
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('cache-control')).toMatch(/(^|[\s,])no-store($|[\s,])/);
      cases.bump();
    },
  );
});

describe('Content-Security-Policy frame-ancestors on every tab page', () => {
  const frameAncestors = (csp: string | null) =>
    (csp ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .find(([name]) => name === 'frame-ancestors')
      ?.slice(1) ?? [];

  const rows = () => [
    ...['', ...tabPages()].map((page) => ['local', page] as const),
    ...tabPages()
      .filter((page) => !['preview.html', 'host.html'].includes(page))
      .map((page) => ['deployment', page] as const),
  ];
  it('finds the built tab pages', () => {
    expect(tabPages()).toEqual(expect.arrayContaining(['index.html', 'preview.html', 'host.html']));
    cases.bump();
  });

  it.each(rows())('%s: /tab/%s', async (mode, page) => {
    const response = await send(mode === 'local' ? local : deployed, { path: `/tab/${page}` });
    expect(response.status).toBe(200);
    const ancestors = frameAncestors(response.headers.get('content-security-policy'));
    expect(ancestors).toEqual(expect.arrayContaining(TEAMS_HOSTS));
    expect(ancestors).not.toContain('*');
    expect(ancestors.every((source) => source === "'self'" || /^(\*\.)?[a-z0-9.-]+$/.test(source))).toBe(true);
    cases.bump();
  });
});

describe('a request target that is not a URL', () => {
  // Once, `GET //[ HTTP/1.1` threw in a pre handler: an uncaught exception that stops the process.
  it.each(['//[', 'http://[', 'http://127.0.0.1:99999/api/v1/me', '//[/tab/index.html', '//[/api/v1/me'])(
    'GET %s → 400 with nosniff and no-store, and the app keeps serving',
    async (target) => {
      const port = Number(new URL(local.baseUrl).port);
      const head = await rawGet(port, target);
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expect(head).toMatch(/^x-content-type-options: nosniff$/im);
      expect(head).toMatch(/^cache-control: no-store$/im);
      expect(await rawGet(port, '/healthz')).toMatch(/^HTTP\/1\.1 200 /);
      cases.bump();
    },
  );
});

describe('the tab’s static files', () => {
  const PACKAGE = /"name":\s*"intro-one-on-one"|LOCAL_CLIENT_ID/;
  it.each([
    '/tab/../package.json',
    '/tab/%2e%2e/package.json',
    '/tab/..%2fpackage.json',
    '/tab/%2e%2e%2f%2e%2e%2fsrc%2fconfig.ts',
    '/tab/assets/..%2f..%2f..%2fpackage.json',
    '/tab/..\\..\\package.json',
  ])('stay inside tab/dist: GET %s', async (target) => {
    for (const app of [local, deployed]) {
      const answer = await rawGet(Number(new URL(app.baseUrl).port), target);
      expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /);
      expect(answer).not.toMatch(PACKAGE);
    }
    cases.bump();
  });

  it.each([
    '/tab/PREVIEW.HTML',
    '/tab/preview%2ehtml',
    '/tab/./preview.html',
    '/tab/assets/..%2fpreview.html',
    '/tab/host.html?x=1',
    '/tab/Host.Html',
    '/tab//host.html',
  ])('the Teams simulators stay local-only in deployment: GET %s', async (target) => {
    const answer = await rawGet(Number(new URL(deployed.baseUrl).port), target);
    expect(answer).not.toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).not.toMatch(/<html/i);
    cases.bump();
  });
});

describe('no cross-origin reads', () => {
  it.each([
    ['GET', '/api/v1/me'],
    ['OPTIONS', '/api/v1/me'],
    ['OPTIONS', '/dev/token'],
    ['POST', '/dev/token'],
  ])('%s %s from https://evil.example.com carries no Access-Control-Allow-*', async (method, route) => {
    const response = await fetch(`${local.baseUrl}${route}`, {
      method,
      headers: {
        origin: 'https://evil.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
        ...(method === 'GET' ? { authorization: `Bearer ${await local.mintToken(LEADER)}` } : {}),
      },
    });
    await response.arrayBuffer();
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    cases.bump();
  });
});

describe('an encoded path gets the same headers as its plain spelling', () => {
  it.each([
    ['/%74ab/index.html', 'content-security-policy', /frame-ancestors/],
    ['/%61pi/v1/history', 'cache-control', /^no-store$/],
    ['/%61%70%69/v1/me', 'cache-control', /^no-store$/],
    ['/TAB/index.html', 'content-security-policy', /frame-ancestors/],
  ])('%s carries %s', async (target, header, value) => {
    const response = await send(local, { path: target, as: LEADER });
    expect(response.headers.get(header) ?? '').toMatch(value);
    cases.bump();
  });
});

describe('X-Request-Id on every answer, as the log line names the request', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes one up for each request, or keeps a well-formed one the caller sent', async () => {
    const [first, second] = [await send(local, { path: '/healthz' }), await send(local, { path: '/healthz' })];
    expect(first.headers.get('x-request-id')).toMatch(UUID);
    expect(second.headers.get('x-request-id')).toMatch(UUID);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
    const kept = await send(local, { path: '/api/v1/me', as: LEADER, headers: { 'x-request-id': 'front-door_42' } });
    expect(kept.headers.get('x-request-id')).toBe('front-door_42');
    // Anything else (spaces, too long) could forge or break a log line: replaced.
    for (const sent of ['a b', 'x'.repeat(65), 'id;drop']) {
      const replaced = await send(local, { path: '/healthz', headers: { 'x-request-id': sent } });
      expect(replaced.headers.get('x-request-id')).toMatch(UUID);
    }
    cases.bump();
  });

  it('also on the answer to a target that is not a URL', async () => {
    const answer = await rawGet(Number(new URL(local.baseUrl).port), '//[');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/\r\nx-request-id: [0-9a-f-]{36}\r\n/i);
    cases.bump();
  });
});
