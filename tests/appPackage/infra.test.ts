import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ENVIRONMENT_VARIABLES } from '../../src/config';
import { bicepAppSettings, bicepStartCommand } from './bicepSettings';
import { readEnvFile } from './envFile';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

/** Settings src/config.ts reads that a deployment leaves to their defaults, and why. */
const LEFT_TO_DEFAULTS: Record<string, string> = {
  HOST: 'deployment mode listens on 0.0.0.0, which App Service needs',
  PORT: 'App Service sets PORT for the container itself',
  LOG_LEVEL: 'info',
  BOT_SERVICE_URL_HOSTS: "Microsoft's documented Teams service hosts (config.ts TEAMS_SERVICE_URL_HOSTS)",
  GRAPH_BASE_URL: 'public-cloud Graph; a sovereign cloud sets it by hand',
  JOB_POLL_MS: '5 s',
  SHUTDOWN_GRACE_MS: "10 s, within App Service's stop timeout",
  NOTES_KEK: 'notes keys are wrapped in Key Vault (KEY_VAULT_KEY_ID); the two exclude each other',
};

/** App Service's own settings, read by the platform rather than the app. */
const PLATFORM_SETTINGS = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

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

  it('sets every setting src/config.ts reads that a deployment needs, and only settings someone reads', () => {
    const settings = bicepAppSettings(bicep);
    const missing = ENVIRONMENT_VARIABLES.filter((name) => !settings.has(name) && !(name in LEFT_TO_DEFAULTS));
    expect(missing).toEqual([]);
    const unread = [...settings.keys()].filter(
      (name) => !(ENVIRONMENT_VARIABLES as readonly string[]).includes(name) && !PLATFORM_SETTINGS.includes(name),
    );
    expect(unread).toEqual([]);
    // A default left out on purpose must not be set by the template at the same time.
    expect(Object.keys(LEFT_TO_DEFAULTS).filter((name) => settings.has(name))).toEqual([]);
  });

  it('runs a supported Node LTS, is health-checked on /readyz and reaches Key Vault as itself', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain("healthCheckPath: '/readyz'");
    // The app wraps notes keys with a Key Vault key it reaches as its own identity (Key Vault Crypto User).
    expect(bicep).toContain("type: 'SystemAssigned'");
    const vault = read('infra/notesKeyVault.bicep');
    expect(vault).toContain('12338af0-0e69-4776-bea7-57ae8d297424');
    expect(vault).toContain('enablePurgeProtection: true');
    // Named after the storage account's lifetime, so a deleted (soft-deleted, unpurgeable) vault never blocks the
    // name when the resource group is created again.
    expect(vault).toMatch(
      /name: keyVaultName[\s\S]*var keyVaultName = .*storageCreationTime|var keyVaultName = .*storageCreationTime/,
    );
    expect(bicep).toContain('storageCreationTime: storageAccount.properties.creationTime');
    // Session changes between instances go through Azure Cache for Redis, over TLS only.
    expect(bicep).toContain("resource redis 'Microsoft.Cache/redis@");
    expect(bicep).toContain('enableNonSslPort: false');
    expect(bicep).toMatch(/var redisUrl = 'rediss:\/\//);
  });

  it("starts the server with npm start's V8 flags, which bench:notes measures", () => {
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    // What node is given between `node` and the script, but the warning npm start silences for developers.
    const v8Flags = (words: string[]) => {
      expect(words.at(-1)).toBe('dist/src/index.js');
      return words.slice(words.lastIndexOf('node') + 1, -1).filter((word) => word !== '--disable-warning=DEP0111');
    };
    const deployed = v8Flags(bicepStartCommand());
    expect(deployed).toEqual(v8Flags(start.split(' ')));
    expect(deployed).not.toHaveLength(0);
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

describe('teamsapp.local.yml', () => {
  it('writes to .localConfigs only settings src/config.ts reads', () => {
    const local = load(read('teamsapp.local.yml')) as { deploy: { uses: string; with: { envs?: object } }[] };
    const step = local.deploy.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
    const written = Object.keys(step?.with.envs ?? {});
    expect(written).toContain('TEAMS_APP_ID');
    expect(written.filter((name) => !(ENVIRONMENT_VARIABLES as readonly string[]).includes(name))).toEqual([]);
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
