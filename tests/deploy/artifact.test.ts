import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bicepAppSettings, bicepStartCommand } from '../appPackage/bicepSettings';
import { startRedis, type RedisServer } from '../live/support/redisServer';
import { startAzurite, type Azurite } from '../store/support/azurite';
import { startKeyVaultStub, type KeyVaultStub } from '../support/keyVaultStub';
import { deployPlan } from './support/deployPlan';
import { siteFiles, writeReadOnlySite } from './support/siteFiles';

/**
 * The package `teamsapp deploy` uploads starts on App Service: built by teamsapp.yml's own deploy steps, filtered by
 * .webappignore with the Toolkit's library and rules, run from a read-only folder with infra/azure.bicep's settings.
 */
const root = path.join(__dirname, '..', '..');
const run = promisify(execFile);
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
// Files a developer's folder holds that must never reach Azure.
const DECOYS = ['.localConfigs', '.env', 'env/.env.dev.user', '.data/intro.db', '.deployment/cache.zip'];

let work: string;
let azurite: Azurite;
let keyVault: KeyVaultStub;
let redis: RedisServer;
let app: ChildProcess | undefined;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'intro-deploy-'));
  chmodSync(work, 0o755);
  [azurite, keyVault, redis] = await Promise.all([
    startAzurite(path.join(work, 'azurite')),
    startKeyVaultStub(),
    startRedis(),
  ]);
});

afterAll(async () => {
  app?.kill();
  await Promise.all([azurite?.stop(), keyVault?.stop(), redis?.stop()]);
  // The site's folders are locked (0555); only root could delete them as they are.
  await run('chmod', ['-R', 'u+w', work]);
  rmSync(work, { recursive: true, force: true });
});

/** The project as a developer has it: tracked and untracked files that git does not ignore, plus the decoys. */
async function copyProject(to: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  for (const file of stdout.split('\0').filter((f) => f && existsSync(path.join(root, f)))) {
    cpSync(path.join(root, file), path.join(to, file));
  }
  for (const decoy of DECOYS) {
    mkdirSync(path.dirname(path.join(to, decoy)), { recursive: true });
    writeFileSync(path.join(to, decoy), 'SECRET_BOT_PASSWORD=must-not-ship\n');
  }
}

/**
 * `npm ci` without the network: the installed node_modules (installed from this package-lock.json) hard-linked
 * in, with npm's own lock copy made a real file so later npm commands cannot write through the link.
 */
async function installFromLock(project: string): Promise<void> {
  await run('cp', ['-al', path.join(root, 'node_modules'), path.join(project, 'node_modules')]);
  const npmLock = path.join(project, 'node_modules', '.package-lock.json');
  rmSync(npmLock);
  copyFileSync(path.join(root, 'node_modules', '.package-lock.json'), npmLock);
}

async function runDeploySteps(project: string): Promise<void> {
  const plan = deployPlan(readFileSync(path.join(root, 'teamsapp.yml'), 'utf8'));
  for (const args of plan.npmCommands) {
    if (args[0] === 'ci') await installFromLock(project);
    else await run('npm', [...args, '--offline'], { cwd: project, env: { ...process.env, npm_config_fund: 'false' } });
  }
}

/** Values for the settings the bicep computes at deployment; fake but well formed, pointing at local stand-ins. */
const APP_ID = '11111111-2222-4333-8444-555555555555';

function deployedValues(): Record<string, string> {
  return {
    BOT_ID: APP_ID,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: TENANT,
    BOT_DOMAIN: 'intro1on1dev.azurewebsites.net',
    AAD_APP_CLIENT_ID: APP_ID,
    AAD_APP_TENANT_ID: TENANT,
    AAD_APP_OAUTH_AUTHORITY: `https://login.microsoftonline.com/${TENANT}`,
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    KEY_VAULT_KEY_ID: keyVault.keyId(),
    // Azure Cache for Redis is rediss:// with a key; a loopback redis-server stands in for it.
    REDIS_URL: redis.url,
    TEAMS_APP_ID: '6b1f3c52-7d0e-4a8b-9c21-3e5f4a6b7c80',
    GRAPH_CLIENT_SECRET: '',
    GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
    SIGNING_SECRET: randomBytes(64).toString('base64'),
  };
}

function appSettings(dataDir: string, port: number): Record<string, string> {
  const values = deployedValues();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: String(port) };
  for (const [name, setting] of bicepAppSettings()) {
    const value = setting.kind === 'literal' ? setting.value : values[name];
    if (value === undefined) throw new Error(`tests/deploy: give ${name} (set by infra/azure.bicep) a test value`);
    env[name] = value;
  }
  // App Service's /home is elsewhere on this machine.
  return { ...env, DATA_DIR: dataDir };
}

async function readyz(port: number, output: () => string): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200 || app?.exitCode !== null || Date.now() > deadline) {
      if (status !== 200) throw new Error(`/readyz answered ${status}; the app said:\n${output()}`);
      return status;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('builds, filters and starts from a read-only folder with the bicep settings until /readyz answers 200', async () => {
  const project = path.join(work, 'project');
  await copyProject(project);
  await runDeploySteps(project);
  const plan = deployPlan(readFileSync(path.join(root, 'teamsapp.yml'), 'utf8'));
  const folder = path.join(project, plan.artifactFolder);
  const files = siteFiles(folder, readFileSync(path.join(folder, plan.ignoreFile), 'utf8'));

  // Nothing a runtime dependency holds is dropped (unanchored patterns once dropped 7,146 files), and no secret ships.
  const shipped = new Set(files);
  const installed = siteFiles(path.join(folder, 'node_modules'), '/.bin\n/.cache').map((f) => `node_modules/${f}`);
  expect(installed.length).toBeGreaterThan(1000);
  expect(installed.filter((f) => !shipped.has(f))).toEqual([]);
  // The tab build's manifest ships: the server reads it to keep the Teams host simulator's files from being served.
  const manifest = 'tab/dist/.vite/manifest.json';
  expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/src/index.js', 'tab/dist/index.html', manifest]));
  expect(files.filter((f) => DECOYS.includes(f) || /^(src|tests|env|infra|tab\/src)\//.test(f))).toEqual([]);

  // As root, file modes bind nobody: the app runs as `nobody`, for whom the root-owned files and locked folders are
  // read-only, so the files can be hard links; any other user gets read-only copies.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
  const site = path.join(work, 'wwwroot');
  writeReadOnlySite(folder, files, site, asNobody !== undefined);
  const dataDir = path.join(work, 'home-data');
  mkdirSync(dataDir, { mode: 0o777 });
  chmodSync(dataDir, 0o777);

  const port = 20000 + Math.floor(Math.random() * 20000);
  const [command, ...args] = bicepStartCommand();
  expect(command).toBe('node');
  let output = '';
  app = spawn(process.execPath, args, { cwd: site, env: appSettings(dataDir, port), ...asNobody });
  app.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  app.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  expect(await readyz(port, () => output)).toBe(200);
  // The tab answers, and the simulator's own script does not (what the preview page loads that the tab does not).
  const named = (page: string) =>
    [...readFileSync(path.join(site, 'tab/dist', page), 'utf8').matchAll(/src="\/tab\/([^"]+)"/g)].map((m) => m[1]);
  const [simulatorScript] = named('preview.html');
  const [tabScript] = named('index.html');
  expect((await fetch(`http://127.0.0.1:${port}/tab/${tabScript}`)).status).toBe(200);
  expect((await fetch(`http://127.0.0.1:${port}/tab/${simulatorScript}`)).status).toBe(404);
}, 240_000);
