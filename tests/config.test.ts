import { ConfigError, deploymentSettingsIn, loadConfig } from '../src/config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'local',
      host: '127.0.0.1',
      port: 3978,
      dataDir: './.data',
      auth: { mode: 'local' },
      bot: { mode: 'local' },
      serviceUrls: { mode: 'loopback' },
    });
    expect(config.storageConnectionString).toBeUndefined();
  });

  it('treats empty values (as Teams Toolkit env files leave them) as unset', () => {
    expect(loadConfig({ BOT_ID: '', AAD_APP_CLIENT_ID: ' ', PORT: '4000' })).toMatchObject({
      port: 4000,
      mode: 'local',
    });
  });

  it('names the deployment settings present by family, read or not, blank ones left out', () => {
    expect(
      deploymentSettingsIn({ PORT: '1', AAD_APP_OBJECT_ID: 'o', MicrosoftAppId: 'm', BOT_ID: '', REDIS_URL: ' ' }),
    ).toEqual(['AAD_APP_OBJECT_ID', 'MicrosoftAppId']);
    expect(loadConfig({ GRAPH_TENANT_ID: 't' })).toMatchObject({ mode: 'deployment', auth: { mode: 'off' } });
  });

  it('uses Entra ID when the client id and authority are set', () => {
    const config = loadConfig({
      AAD_APP_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001',
      AAD_APP_OAUTH_AUTHORITY: 'https://login.microsoftonline.com/tenant/',
    });
    expect(config.auth).toEqual({
      mode: 'entra',
      clientId: 'c0ffee00-0000-4000-8000-000000000001',
      authority: 'https://login.microsoftonline.com/tenant',
      tenantId: undefined,
    });
  });

  it('names every wrong variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', AAD_APP_OAUTH_AUTHORITY: 'not a url' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/AAD_APP_OAUTH_AUTHORITY/);
  });

  it('refuses half an Entra configuration', () => {
    expect(problemsOf({ AAD_APP_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001' })).toEqual([
      expect.stringMatching(/set both/),
    ]);
  });

  it('refuses NODE_ENV=production when no deployment setting is present', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^NODE_ENV=production/)]);
  });

  it('refuses a non-loopback HOST in local mode', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([expect.stringMatching(/^HOST=0\.0\.0\.0: local mode/)]);
    expect(loadConfig({ HOST: '127.0.0.2' }).host).toBe('127.0.0.2');
  });

  it('refuses half a bot or an insecure authority, naming each', () => {
    const problems = problemsOf({
      BOT_ID: 'b0000000-0000-4000-8000-000000000001',
      AAD_APP_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001',
      AAD_APP_OAUTH_AUTHORITY: 'http://login.example.com/t',
    });
    expect(problems).toEqual([expect.stringMatching(/^BOT_ID and BOT_PASSWORD/), expect.stringMatching(/https/)]);
  });

  it('confirms meeting participants in every deployment, not locally', () => {
    expect(loadConfig({}).requireConfirmedParticipant).toBe(false);
    expect(loadConfig({ BOT_DOMAIN: 'intro.example.com' }).requireConfirmedParticipant).toBe(true);
  });

  it('accepts a complete deployment configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      BOT_ID: 'b0000000-0000-4000-8000-000000000001',
      BOT_PASSWORD: 'secret',
      AAD_APP_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001',
      AAD_APP_OAUTH_AUTHORITY: 'https://login.microsoftonline.com/t',
    });
    expect(config).toMatchObject({ mode: 'deployment', host: '0.0.0.0', bot: { mode: 'authenticated' } });
    expect(config.serviceUrls).toEqual({ mode: 'hosts', hosts: expect.arrayContaining(['smba.trafficmanager.net']) });
  });
});
