import { ConfigError, loadConfig } from '../src/config';

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
    expect(config).toMatchObject({ env: 'development', port: 3978, dataDir: './.data', auth: { mode: 'local' } });
    expect(config.storageConnectionString).toBeUndefined();
  });

  it('treats empty values (as Teams Toolkit env files leave them) as unset', () => {
    expect(loadConfig({ BOT_ID: '', AAD_APP_CLIENT_ID: ' ', PORT: '4000' })).toMatchObject({
      port: 4000,
      bot: { id: undefined },
    });
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

  it('refuses production without bot credentials or with the local issuer', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^BOT_ID/), expect.stringMatching(/local token issuer/)]),
    );
  });

  it('trusts an unconfirmed meeting participant only when running locally without a bot', () => {
    expect(loadConfig({}).requireConfirmedParticipant).toBe(false);
    expect(loadConfig({ BOT_ID: 'b0000000-0000-4000-8000-000000000001' }).requireConfirmedParticipant).toBe(true);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      BOT_ID: 'b0000000-0000-4000-8000-000000000001',
      BOT_PASSWORD: 'secret',
      AAD_APP_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001',
      AAD_APP_OAUTH_AUTHORITY: 'https://login.microsoftonline.com/t',
    });
    expect(config.env).toBe('production');
  });
});
