import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvFile } from './envFile';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

/** Bicep parameters as name → whether they have a default value. */
function bicepParams(text: string): Map<string, boolean> {
  const params = new Map<string, boolean>();
  for (const match of text.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)) params.set(match[1]!, match[2] !== undefined);
  return params;
}

describe('infra/azure.bicep with infra/azure.parameters.json', () => {
  const bicep = read('infra/azure.bicep');
  const params = bicepParams(bicep);
  const given = Object.keys((JSON.parse(read('infra/azure.parameters.json')) as { parameters: object }).parameters);

  it('gives a value for every parameter without a default and none that the template lacks', () => {
    const required = [...params].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    expect(given).toEqual(expect.arrayContaining(required));
    expect(given.filter((name) => !params.has(name))).toEqual([]);
  });

  it('configures the web app with the settings src/config.ts reads', () => {
    const settings = /resource webAppSettings[\s\S]*?properties: \{([\s\S]*?)\n {2}\}/.exec(bicep)?.[1] ?? '';
    const names = [...settings.matchAll(/^\s+(\w+):/gm)].map((m) => m[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        ...['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_DOMAIN', 'AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID'],
        ...['AAD_APP_OAUTH_AUTHORITY', 'STORAGE_CONNECTION_STRING', 'NODE_ENV', 'WEBSITE_RUN_FROM_PACKAGE'],
        'KEY_VAULT_KEY_ID',
        'REDIS_URL',
      ]),
    );
    expect(bicep).toContain("healthCheckPath: '/readyz'");
    // The app wraps notes keys with a Key Vault key it reaches as its own identity (Key Vault Crypto User).
    expect(bicep).toContain("type: 'SystemAssigned'");
    expect(bicep).toContain('12338af0-0e69-4776-bea7-57ae8d297424');
    expect(bicep).toContain("linuxFxVersion: 'NODE|20-lts'");
    // Session changes between instances go through Azure Cache for Redis, over TLS only.
    expect(bicep).toContain("resource redis 'Microsoft.Cache/redis@");
    expect(bicep).toContain('enableNonSslPort: false');
    expect(bicep).toMatch(/var redisUrl = 'rediss:\/\//);
  });

  it('outputs the values teamsapp.yml uses after arm/deploy', () => {
    const outputs = [...bicep.matchAll(/^output\s+(\w+)/gm)].map((m) => m[1]);
    expect(outputs).toEqual(expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN']));
    expect(read('teamsapp.yml')).toContain('resourceId: ${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
  });

  it('registers a single-tenant Azure Bot with the Teams channel', () => {
    const bot = read('infra/botRegistration/azurebot.bicep');
    expect(bot).toContain("msaAppType: 'SingleTenant'");
    expect(bot).toContain('msaAppTenantId: botTenantId');
    expect(bot).toContain("channelName: 'MsTeamsChannel'");
  });
});

describe('environment variables used by the Teams Toolkit files', () => {
  it.each([
    ['dev', ['teamsapp.yml', 'infra/azure.parameters.json', 'aad.manifest.json', 'appPackage/manifest.json']],
    ['local', ['teamsapp.local.yml', 'aad.manifest.json', 'appPackage/manifest.json']],
  ])('are all declared in env/.env.%s (secrets go to the ignored .user file)', (envName, files) => {
    const declared = readEnvFile(join(root, `env/.env.${envName}`));
    const used = new Set(files.flatMap((file) => placeholders(read(file))));
    expect([...used].filter((name) => !(name in declared) && !name.startsWith('SECRET_'))).toEqual([]);
  });
});
