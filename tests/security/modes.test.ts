import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, isDeploymentSetting, loadConfig } from '../../src/config';
import { startApp, type RunningApp } from '../../src/index';
import { createLogger } from '../../src/log';
import { messageActivity } from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connectorStub';
import { LEADER, TENANT } from '../support/testApp';
import { countCases } from './support/cases';
import { namesTheAppReads } from './support/envNames';
import { connectionRefused, lanAddress, statusWithHost } from './support/network';
import { entraIssuer, startOidcStub, type OidcStub } from './support/oidcStub';

/** The mode table: which settings give which mode, where it listens and what is reachable. */
const cases = countCases('modes');
const CLIENT_ID = 'c1e0a0d0-5ec0-4000-8000-00000000c11d';
const BOT = { BOT_ID: 'b0700000-5ec0-4000-8000-0000000000b0', BOT_PASSWORD: 'not-a-real-secret' };
const LAN = lanAddress();

type Api = 'local sign-in' | 'Entra ID' | 'closed';
type Bot = 'open' | 'authenticated' | 'closed';
interface Row {
  readonly settings: string;
  readonly env: (stub: OidcStub) => Record<string, string>;
  readonly mode: 'local' | 'deployment';
  readonly api: Api;
  readonly bot: Bot;
}

const entra = (stub: OidcStub) => ({ AAD_APP_CLIENT_ID: CLIENT_ID, AAD_APP_OAUTH_AUTHORITY: stub.authority(TENANT) });
const deployment = (settings: string, env: Row['env'], api: Api = 'closed', bot: Bot = 'closed'): Row => ({
  settings,
  env,
  mode: 'deployment',
  api,
  bot,
});

const TABLE: readonly Row[] = [
  { settings: 'no settings', env: () => ({}), mode: 'local', api: 'local sign-in', bot: 'open' },
  deployment('BOT_ID + BOT_PASSWORD', () => BOT, 'closed', 'authenticated'),
  deployment(
    'BOT_ID + BOT_PASSWORD + BOT_TENANT_ID',
    () => ({ ...BOT, BOT_TENANT_ID: TENANT }),
    'closed',
    'authenticated',
  ),
  deployment('BOT_DOMAIN', () => ({ BOT_DOMAIN: 'intro.example.com' })),
  deployment('BOT_SERVICE_URL_HOSTS', () => ({ BOT_SERVICE_URL_HOSTS: 'smba.trafficmanager.net' })),
  deployment('AAD_APP_CLIENT_ID + AAD_APP_OAUTH_AUTHORITY', entra, 'Entra ID'),
  deployment('AAD_APP_TENANT_ID', () => ({ AAD_APP_TENANT_ID: TENANT })),
  deployment('STORAGE_CONNECTION_STRING (run on SQLite here)', () => ({
    STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    NOTES_KEK: Buffer.alloc(32, 7).toString('base64'),
  })),
  deployment('KEY_VAULT_KEY_ID', () => ({ KEY_VAULT_KEY_ID: 'https://intro.vault.azure.net/keys/notes/0123' })),
  deployment(
    'GRAPH_CLIENT_SECRET (+ the Entra app it needs)',
    (s) => ({ ...entra(s), AAD_APP_TENANT_ID: TENANT, GRAPH_CLIENT_SECRET: 'x' }),
    'Entra ID',
  ),
  deployment('GRAPH_BASE_URL', () => ({ GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' })),
  deployment('GRAPH_AUTHORITY_HOST', () => ({ GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.com' })),
  deployment('REDIS_URL (nothing listening: the app serves and its panels poll)', () => ({
    REDIS_URL: 'redis://127.0.0.1:1',
  })),
  deployment('TEAMS_APP_ID', () => ({ TEAMS_APP_ID: 'd0d0d0d0-0000-4000-8000-0000000000d0' })),
  deployment(
    'NODE_ENV=development + BOT_ID + BOT_PASSWORD',
    () => ({ NODE_ENV: 'development', ...BOT }),
    'closed',
    'authenticated',
  ),
  deployment('NODE_ENV=test + BOT_DOMAIN', () => ({ NODE_ENV: 'test', BOT_DOMAIN: 'intro.example.com' })),
];

let stub: OidcStub;
let connector: ConnectorStub;
beforeAll(async () => {
  [stub, connector] = await Promise.all([startOidcStub(), startConnectorStub()]);
});
afterAll(async () => {
  await Promise.all([stub?.stop(), connector?.stop()]);
});

it('the table sets every deployment setting the app reads', () => {
  const used = new Set(TABLE.flatMap((row) => Object.keys(row.env(stub))));
  const read = namesTheAppReads().filter(isDeploymentSetting);
  expect(read.length).toBeGreaterThan(10);
  expect(read.filter((name) => !used.has(name))).toEqual([]);
  cases.bump();
});

describe.each(TABLE)('$settings → $mode, API $api, bot $bot', (row) => {
  let app: RunningApp;
  let dataDir: string;
  let url: string;
  const status = async (path: string, init: RequestInit = {}) => (await fetch(`${url}${path}`, init)).status;
  const local = row.mode === 'local';

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-modes-'));
    const config = loadConfig({ ...row.env(stub), PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(config.mode).toBe(row.mode);
    // No Azurite here: the store is not what this table is about, the mode's rules are.
    app = await startApp(
      { ...config, storageConnectionString: undefined },
      { logger: createLogger('silent'), jobPollMs: 0 },
    );
    url = app.url;
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`listens on ${local ? 'loopback only' : 'every interface'}`, async () => {
    const { address, port } = app.server.address() as AddressInfo;
    if (local) {
      expect(address).toBe('127.0.0.1');
      if (LAN) expect(await connectionRefused(LAN, port)).toBe(true);
    } else {
      expect(['0.0.0.0', '::']).toContain(address);
      if (LAN) expect(await connectionRefused(LAN, port)).toBe(false);
    }
    cases.bump();
  });

  it.each([
    [
      'POST /dev/token',
      '/dev/token',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LEADER) },
    ],
    ['the local OpenID configuration', '/local-auth/v2.0/.well-known/openid-configuration', {}],
    ['the local signing keys', '/local-auth/discovery/v2.0/keys', {}],
    ['the preview page', '/tab/preview.html', {}],
    ['the Teams host simulator', '/tab/host.html', {}],
  ])(`%s ${local ? 'answers' : 'is not there'}`, async (_name, path, init: RequestInit) => {
    expect(await status(path, init)).toBe(local ? 200 : 404);
    cases.bump();
  });

  it(`the API: ${row.api}`, async () => {
    const stubToken = await stub.sign({
      ver: '2.0',
      iss: entraIssuer(TENANT),
      aud: CLIENT_ID,
      tid: TENANT,
      oid: LEADER.oid,
      name: LEADER.name,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    const localToken = app.localIssuer ? await app.localIssuer.mint(LEADER) : undefined;
    const me = (token: string | undefined) => status('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(await me(stubToken)).toBe(row.api === 'Entra ID' ? 200 : 401);
    expect(await me(localToken)).toBe(row.api === 'local sign-in' ? 200 : 401);
    cases.bump();
  });

  it(`the bot endpoint: ${row.bot}`, async () => {
    // A serviceUrl each mode accepts, so only authentication decides.
    const serviceUrl = local ? connector.serviceUrl : 'https://smba.trafficmanager.net/emea/';
    const activity = JSON.stringify(messageActivity(serviceUrl, 'help'));
    const post = (authorization?: string) =>
      status('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: activity,
      });
    expect(await post()).toBe(row.bot === 'open' ? 200 : 401);
    expect(await post('Bearer garbage')).toBe(row.bot === 'open' ? 200 : 401);
    const configured = loadConfig({ ...row.env(stub) }).bot.mode;
    expect(configured).toBe({ open: 'local', authenticated: 'authenticated', closed: 'off' }[row.bot]);
    cases.bump();
  });
});

describe('contradictory settings refuse to start with one message naming them', () => {
  const ROWS: ReadonlyArray<readonly [Record<string, string>, readonly string[]]> = [
    [{ NODE_ENV: 'production' }, ['NODE_ENV']],
    [{ HOST: '0.0.0.0' }, ['HOST']],
    [{ BOT_ID: BOT.BOT_ID }, ['BOT_ID', 'BOT_PASSWORD']],
    [{ BOT_PASSWORD: BOT.BOT_PASSWORD }, ['BOT_ID', 'BOT_PASSWORD']],
    [{ BOT_TENANT_ID: TENANT }, ['BOT_TENANT_ID']],
    [{ AAD_APP_CLIENT_ID: CLIENT_ID }, ['AAD_APP_CLIENT_ID', 'AAD_APP_OAUTH_AUTHORITY']],
    [
      { AAD_APP_OAUTH_AUTHORITY: 'https://login.microsoftonline.com/organizations' },
      ['AAD_APP_CLIENT_ID', 'AAD_APP_OAUTH_AUTHORITY'],
    ],
    [
      { AAD_APP_CLIENT_ID: CLIENT_ID, AAD_APP_OAUTH_AUTHORITY: 'http://login.example.com/x' },
      ['AAD_APP_OAUTH_AUTHORITY'],
    ],
    [{ GRAPH_CLIENT_SECRET: 'x' }, ['GRAPH_CLIENT_SECRET']],
    [{ NODE_ENV: 'production', HOST: '0.0.0.0' }, ['NODE_ENV', 'HOST']],
    [
      { BOT_ID: BOT.BOT_ID, AAD_APP_CLIENT_ID: CLIENT_ID },
      ['BOT_ID', 'BOT_PASSWORD', 'AAD_APP_CLIENT_ID', 'AAD_APP_OAUTH_AUTHORITY'],
    ],
  ];

  it.each(ROWS.map(([env, names]) => [Object.keys(env).join(' + '), env, names] as const))(
    '%s',
    (_name, env, names) => {
      let thrown: unknown;
      try {
        loadConfig({ ...env, PORT: '0' });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      for (const name of names) expect((thrown as ConfigError).message).toContain(name);
      cases.bump();
    },
  );
});

describe('local mode answers only requests addressed to loopback (a DNS-rebound page gets nothing)', () => {
  let app: RunningApp;
  let dataDir: string;
  let port: number;
  let token: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-modes-'));
    app = await startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
      logger: createLogger('silent'),
      jobPollMs: 0,
    });
    port = (app.server.address() as AddressInfo).port;
    token = await app.localIssuer!.mint(LEADER);
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const REQUESTS = [
    ['POST /dev/token', { method: 'POST', path: '/dev/token', body: JSON.stringify(LEADER) }],
    ['GET /api/v1/me', { path: '/api/v1/me', token: 'TOKEN' }],
    ['GET /api/v1/export.md', { path: '/api/v1/export.md', token: 'TOKEN' }],
    ['GET /tab/preview.html', { path: '/tab/preview.html' }],
  ] as const;
  const HOSTS = [
    ['evil.example.com', false],
    ['evil.example.com:PORT', false],
    ['127.0.0.1.nip.io:PORT', false],
    ['localhost:PORT', true],
    ['127.0.0.1:PORT', true],
    ['[::1]:PORT', true],
  ] as const;

  it.each(HOSTS.flatMap(([host, served]) => REQUESTS.map(([name, req]) => [name, host, served, req] as const)))(
    '%s with Host: %s → served: %s',
    async (_name, host, served, req) => {
      const status = await statusWithHost(port, host.replace('PORT', String(port)), {
        ...req,
        token: 'token' in req ? token : undefined,
      });
      if (served) expect(status).toBe(200);
      else expect(status).toBe(421);
      cases.bump();
    },
  );
});
