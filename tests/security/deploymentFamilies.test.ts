import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEPLOYMENT_FAMILIES, isDeploymentSetting, loadConfig, type Config } from '../../src/config';
import { startApp, type RunningApp } from '../../src/index';
import { createLogger } from '../../src/log';
import { messageActivity } from '../support/activities';
import { LEADER } from '../support/testApp';
import { countCases } from './support/cases';
import { everyVariableName, namesTheAppReads } from './support/envNames';

/**
 * The family rule: any variable of a deployment family means deployment (or a refusal naming it), whether this app
 * reads it or not. The names come from the app's own schema and the deployment files, so a new one cannot escape.
 */
const cases = countCases('deployment families');

/** Names read or written somewhere that are not deployment settings, each with why local mode may have it. */
const NOT_DEPLOYMENT: Readonly<Record<string, string>> = {
  NODE_ENV: 'never decides the mode (production without a deployment setting is refused)',
  HOST: 'a non-loopback HOST in local mode is refused',
  PORT: 'any mode',
  LOG_LEVEL: 'any mode',
  DATA_DIR: 'the SQLite folder, local by default',
  SIGNING_SECRET: 'a local run may pin its signing key',
  JOB_POLL_MS: 'any mode',
  SHUTDOWN_GRACE_MS: 'any mode',
  NOTES_KEK: 'a local run may pin its notes key',
  TEAMSFX_ENV: 'Teams Toolkit only; never reaches the app',
  APP_NAME_SUFFIX: 'Teams Toolkit only',
  RESOURCE_SUFFIX: 'Teams Toolkit only',
  AZURE_SUBSCRIPTION_ID: 'Teams Toolkit only',
  AZURE_RESOURCE_GROUP_NAME: 'Teams Toolkit only',
  WEBSITE_RUN_FROM_PACKAGE: 'App Service itself; the deployment also sets BOT_* and AAD_APP_*',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service itself',
  TLS1_2: 'a Bicep value (minTlsVersion), not a variable',
};

/** Names nobody reads, a few per family: a deployment may carry them, alone, and must still be a deployment. */
const UNREAD = [
  'AAD_APP_OBJECT_ID',
  'AAD_APP_CLIENT_SECRET',
  'AAD_APP_OAUTH_AUTHORITY_HOST',
  'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
  'GRAPH_TENANT_ID',
  'GRAPH_CLIENT_ID',
  'BOT_ENDPOINT',
  'BOT_OBJECT_ID',
  'SECRET_BOT_PASSWORD',
  'SECRET_AAD_APP_CLIENT_SECRET',
  'KEY_VAULT_NAME',
  'KEY_VAULT_URI',
  'STORAGE_ACCOUNT_NAME',
  'STORAGE_ACCOUNT_KEY',
  'TEAMS_APP_TENANT_ID',
  'TEAMS_APP_PUBLISHED_APP_ID',
  'REDIS_URL',
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
  'MicrosoftAppType',
  'MICROSOFTAPPID',
  'aad_app_client_id',
  'Bot_Id',
];

const FAMILY_NAMES = [...new Set([...everyVariableName().filter(isDeploymentSetting), ...UNREAD])].sort();

/** deployment rules: no local issuer, no open bot, participants confirmed, serviceUrls only from the allow-list. */
function expectDeployment(config: Config): void {
  expect(config.mode).toBe('deployment');
  expect(config.auth.mode).not.toBe('local');
  expect(config.bot.mode).not.toBe('local');
  expect(config.serviceUrls.mode).toBe('hosts');
  expect(config.requireConfirmedParticipant).toBe(true);
}

it('every variable name the app or its deployment files use is a deployment setting or listed as local-safe', () => {
  const names = everyVariableName();
  // The extraction found the names it must: a broken reader cannot pass an empty table.
  expect(names).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_OBJECT_ID', 'SECRET_BOT_PASSWORD', 'PORT']));
  expect(namesTheAppReads()).toEqual(expect.arrayContaining(['KEY_VAULT_KEY_ID', 'NOTES_KEK']));
  const unclassified = names.filter((name) => !isDeploymentSetting(name) && !(name in NOT_DEPLOYMENT));
  expect(unclassified).toEqual([]);
  const misclassified = Object.keys(NOT_DEPLOYMENT).filter(isDeploymentSetting);
  expect(misclassified).toEqual([]);
  cases.bump();
});

describe.each(FAMILY_NAMES)('%s', (name) => {
  it.each(['x', 'https://intro.example.com/x'])('= %s alone: deployment, or a refusal that names it', (value) => {
    let config: Config | undefined;
    try {
      config = loadConfig({ [name]: value });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain(name);
    }
    if (config) expectDeployment(config);
    cases.bump();
  });

  it('with NODE_ENV=production and HOST=0.0.0.0 is never refused for lack of a deployment setting', () => {
    let message = '';
    try {
      loadConfig({ [name]: 'x', NODE_ENV: 'production', HOST: '0.0.0.0' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toMatch(/no deployment setting|local mode/);
    cases.bump();
  });

  it.each(['', '   '])('= "%s" (blank, as Teams Toolkit env files leave it) does not count', (value) => {
    expect(loadConfig({ [name]: value }).mode).toBe('local');
    cases.bump();
  });
});

it('docs/CONFIGURATION.md names every family in its modes table', () => {
  const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'CONFIGURATION.md'), 'utf8');
  const row = doc.split('\n').find((line) => line.includes('**deployment**')) ?? '';
  for (const family of DEPLOYMENT_FAMILIES) expect(row).toContain(`\`${family}\``);
  cases.bump();
});

describe.each(['AAD_APP_OBJECT_ID', 'GRAPH_TENANT_ID', 'SECRET_BOT_PASSWORD', 'MicrosoftAppId'])(
  'a running app with only %s',
  (name) => {
    let app: RunningApp;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'intro-families-'));
      const config = loadConfig({ [name]: 'x', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
      app = await startApp(config, { logger: createLogger('silent'), jobPollMs: 0 });
    });
    afterAll(async () => {
      await app?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const status = async (route: string, init: RequestInit = {}) => (await fetch(`${app.url}${route}`, init)).status;
    const json = (body: unknown): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

    it('has no local issuer, no preview pages, and a closed bot', async () => {
      expect(app.localIssuer).toBeUndefined();
      expect(await status('/dev/token', json(LEADER))).toBe(404);
      expect(await status('/local-auth/v2.0/.well-known/openid-configuration')).toBe(404);
      expect(await status('/tab/preview.html')).toBe(404);
      expect(await status('/tab/host.html')).toBe(404);
      const activity = messageActivity('https://smba.trafficmanager.net/emea/', 'help');
      expect(await status('/api/messages', json(activity))).toBe(401);
      cases.bump();
    });
  },
);
