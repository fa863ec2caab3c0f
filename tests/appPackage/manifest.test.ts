import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { fillPlaceholders, parseEnvText, readEnvFile } from './envFile';
import { decodeRgba, readPngHeader } from './png';

const root = join(__dirname, '..', '..');
const appPackage = join(root, 'appPackage');
const schemasDir = join(root, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams');
const run = promisify(execFile);

interface Manifest {
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context: string[]; meetingSurfaces: string[] }[];
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}

const rawManifest = readFileSync(join(appPackage, 'manifest.json'), 'utf8');
const localEnv = readEnvFile(join(root, 'env/.env.local'));
const manifest = JSON.parse(fillPlaceholders(rawManifest, localEnv)) as Manifest;

const validators = new Map<string, ValidateFunction>();

function validate(candidate: unknown, version: string): string[] {
  let check = validators.get(version);
  if (!check) {
    const schema: object = JSON.parse(
      readFileSync(join(schemasDir, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
    check = ajv.compile(schema);
    validators.set(version, check);
  }
  return check(candidate) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

function withChange(change: (copy: Manifest) => void): Manifest {
  const copy = structuredClone(manifest);
  change(copy);
  return copy;
}

describe('env files', () => {
  it('parses comments, quotes and export prefixes', () => {
    expect(parseEnvText('# c\nexport A=1\nB="two words"\nC=\nD=x # note\n')).toEqual({
      A: '1',
      B: 'two words',
      C: '',
      D: 'x',
    });
  });

  it('names every placeholder without a value', () => {
    expect(() => fillPlaceholders('${{A}} ${{B}} ${{C}}', { A: 'a', B: '' })).toThrow('No value for B, C');
  });

  it('keeps secrets out of the committed local env file', () => {
    expect(Object.keys(localEnv).filter((key) => key.startsWith('SECRET_') || key === 'BOT_PASSWORD')).toEqual([]);
  });
});

describe('appPackage/manifest.json', () => {
  it("matches Microsoft's schema for its manifestVersion once filled from env/.env.local", () => {
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(validate(manifest, manifest.manifestVersion)).toEqual([]);
  });

  it.each([
    [
      'a wrong tab context',
      '/configurableTabs/0/context/0',
      (m: Manifest) => (m.configurableTabs[0]!.context[0] = 'x'),
    ],
    [
      'a personal configurable tab',
      '/configurableTabs/0/scopes/0',
      (m: Manifest) => (m.configurableTabs[0]!.scopes = ['personal']),
    ],
    [
      'a bot id that is not a GUID',
      '/bots/0/botId',
      (m: Manifest) => (m.bots[0] = { ...m.bots[0]!, botId: 'bot' } as never),
    ],
  ])('is rejected by the schema with %s', (_name, path, change) => {
    const errors = validate(withChange(change), manifest.manifestVersion);
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining(path)]));
  });

  it('offers the bot commands in personal, group chat and team scopes', () => {
    const bot = manifest.bots[0]!;
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const scope of bot.scopes) {
      const list = bot.commandLists.find((l) => l.scopes.includes(scope));
      expect(list?.commands.map((c) => c.title)).toEqual(
        expect.arrayContaining(['schedule', 'agenda', 'prep', 'recap', 'history', 'help']),
      );
    }
  });

  it('puts the configurable tab in the meeting side panel, on the stage, in details and chat', () => {
    const tab = manifest.configurableTabs[0]!;
    expect([...tab.context].sort()).toEqual([
      'meetingChatTab',
      'meetingDetailsTab',
      'meetingSidePanel',
      'meetingStage',
    ]);
    expect(tab.meetingSurfaces).toEqual(['sidePanel', 'stage']);
    expect(tab.configurationUrl).toBe(`https://${localEnv.BOT_DOMAIN}/tab/index.html?view=config`);
  });

  it('has a personal History tab and SSO for the tab on the bot domain', () => {
    const history = manifest.staticTabs.find((t) => t.entityId === 'history');
    expect(history?.contentUrl).toBe(`https://${localEnv.BOT_DOMAIN}/tab/index.html?view=history`);
    expect(history?.scopes).toEqual(['personal']);
    expect(manifest.validDomains).toEqual([localEnv.BOT_DOMAIN]);
    // One Entra app for the bot and SSO: resource-specific consent goes to this id, and the bot's meeting calls use it.
    expect(manifest.webApplicationInfo).toEqual({
      id: localEnv.BOT_ID,
      resource: `api://${localEnv.BOT_DOMAIN}/${localEnv.BOT_ID}`,
    });
    // Each meeting permission twice: for meetings in a chat (.Chat) and, since the tab is offered in team scope, for
    // channel meetings (.Group). Meeting start/end events, the bot's participant check, and sharing the agenda and
    // timer to the stage (meeting.shareAppContentToStage, on behalf of the presenter).
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
      { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
      { name: 'ChannelMeetingParticipant.Read.Group', type: 'Application' },
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
    ]);
  });
});

describe('icons', () => {
  it('has a 192×192 colour icon', () => {
    const header = readPngHeader(readFileSync(join(appPackage, manifest.icons.color)));
    expect([header.width, header.height]).toEqual([192, 192]);
  });

  it('has a 32×32 RGBA outline icon: white strokes on a transparent background', () => {
    const png = readFileSync(join(appPackage, manifest.icons.outline));
    expect(readPngHeader(png)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    const pixels = decodeRgba(png);
    const alphas = Array.from({ length: 32 * 32 }, (_v, i) => pixels[i * 4 + 3] ?? 255);
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(32 * 32 * 0.4);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(32);
    const notWhite = alphas.filter((a, i) => a > 0 && [0, 1, 2].some((c) => (pixels[i * 4 + c] ?? 0) < 250));
    expect(notWhite).toEqual([]);
  });
});

describe('npm run package', () => {
  const cleanEnv = { PATH: process.env.PATH ?? '' };
  let workDir = '';

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'intro-package-'));
  });

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  function packageWith(envText: string): Promise<{ stdout: string; stderr: string }> {
    writeFileSync(join(workDir, '.env.case'), envText);
    const args = ['scripts/package.mjs', 'case', '--env-folder', workDir, '--out-dir', workDir];
    return run('node', args, { cwd: root, env: cleanEnv });
  }

  it('writes a zip with manifest.json and both icons at its root', async () => {
    const { stdout } = await packageWith(readFileSync(join(root, 'env/.env.local'), 'utf8'));
    expect(stdout).toContain(join(workDir, 'appPackage.case.zip'));
    expect(JSON.parse(readFileSync(join(workDir, 'manifest.case.json'), 'utf8'))).toEqual(manifest);
    const zip = new AdmZip(join(workDir, 'appPackage.case.zip'));
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(zip.readAsText('manifest.json'))).toEqual(manifest);
  });

  it('fails naming the placeholders without a value', async () => {
    await expect(packageWith('TEAMS_APP_ID=\nAPP_NAME_SUFFIX=dev\nBOT_DOMAIN=example.org\n')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No value for ${{TEAMS_APP_ID}}, ${{BOT_ID}}.'),
    });
  });

  it('fails listing schema errors when a value makes the manifest invalid', async () => {
    const env = readFileSync(join(root, 'env/.env.local'), 'utf8').replace(/^BOT_ID=.*$/m, 'BOT_ID=not-a-guid');
    await expect(packageWith(env)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/does not match its schema:\n {2}- \/bots\/0\/botId must match pattern/),
    });
  });
});
