import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDirs } from '../store/support/tempDir';

const script = path.resolve(__dirname, '../../scripts/deadExports.mjs');
const dirs = tempDirs('dead-exports-');
afterAll(() => dirs.removeAll());

/** A tiny repository: the entry point, a module, a barrel, tests and the tab, each file as written here. */
const PROJECT: Record<string, string> = {
  'src/index.ts':
    "import { used } from './lib';\nimport { throughBarrel } from './barrel';\nexport const entry = [used, throughBarrel];\n",
  'src/lib.ts': [
    'export const used = 1;',
    'export const plantedDead = 2;',
    'export type UsedByTests = string;',
    'export function usedOnlyHere(): number {',
    '  return used;',
    '}',
    'export const total = usedOnlyHere();',
    '',
  ].join('\n'),
  'src/barrel.ts': "export * from './inner';\n",
  'src/inner.ts': 'export const throughBarrel = 1;\nexport const deadBehindBarrel = 2;\n',
  'src/lazy.ts': 'export const loadedLazily = 1;\n',
  'tests/lib.test.ts':
    "import type { UsedByTests } from '../src/lib';\nimport { total } from '../src/lib';\nexport const t: UsedByTests = String(total);\nexport const lazy = import('../src/lazy');\n",
  'tab/src/main.tsx': "import { App } from './App';\nexport const root = App;\n",
  'tab/src/App.tsx': 'export function App() {\n  return null;\n}\n',
  'tab/src/Unused.tsx': 'export default function Unused() {\n  return null;\n}\n',
};

function writeProject(files: Record<string, string>): string {
  const root = dirs.make();
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function run(root: string): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, root], (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, lines: stdout.split('\n').filter(Boolean) }),
    );
  });
}

describe('scripts/deadExports.mjs', () => {
  it('reports each export nothing else imports, and fails', async () => {
    const { code, lines } = await run(writeProject(PROJECT));
    expect(lines).toEqual([
      'src/inner.ts:2 deadBehindBarrel',
      'src/lib.ts:2 plantedDead',
      // Used in its own file only: it need not be an export.
      'src/lib.ts:4 usedOnlyHere',
      'tab/src/Unused.tsx:1 default',
    ]);
    expect(code).toBe(1);
  });

  it('passes once every export is imported somewhere (by src, the tab or the tests)', async () => {
    const project = {
      ...PROJECT,
      'src/lib.ts': 'export const used = 1;\nexport type UsedByTests = string;\nexport const total = used + 1;\n',
      'src/inner.ts': 'export const throughBarrel = 1;\n',
      'tab/src/Unused.tsx': '',
    };
    expect(await run(writeProject(project))).toEqual({ code: 0, lines: [] });
  });
});
