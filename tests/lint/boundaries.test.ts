import { execFile } from 'node:child_process';
import path from 'node:path';

interface Problem {
  readonly ruleId: string | null;
  readonly severity: number;
  readonly message: string;
}
interface Case {
  readonly name: string;
  readonly filePath: string;
  readonly code: string;
  /** The rule that must report an error, or undefined when the file must lint clean. */
  readonly rule?: string;
}

const root = path.resolve(__dirname, '../..');
const IMPORTS = 'no-restricted-imports';

const planted: readonly Case[] = [
  {
    name: 'src/domain importing node:fs',
    filePath: 'src/domain/planted.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/domain importing src/app',
    filePath: 'src/domain/planted.ts',
    code: "import type { Clock } from '../app/ports';\nexport type Planted = Clock;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/domain importing the configuration',
    filePath: 'src/domain/planted.ts',
    code: "import { loadConfig } from '../config';\nexport const load = loadConfig;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/domain importing the wire contract (an outer layer)',
    filePath: 'src/domain/planted.ts',
    code: "import { API_ROUTES } from '../contract/routes';\nexport const routes = API_ROUTES;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/app importing a Node built-in off the short list (timers)',
    filePath: 'src/app/planted.ts',
    code: "import { setInterval as every } from 'timers';\nexport const tick = every;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/app importing the log',
    filePath: 'src/app/planted.ts',
    code: "import { createLogger } from '../log';\nexport const log = createLogger;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/app calling fetch instead of a port',
    filePath: 'src/app/planted.ts',
    code: "export const get = () => fetch('https://example.com');\n",
    rule: 'no-restricted-globals',
  },
  {
    name: 'src/bot reading the environment',
    filePath: 'src/bot/planted.ts',
    code: "export const secret = process.env['BOT_PASSWORD'];\n",
    rule: 'no-restricted-properties',
  },
  {
    name: 'src/contract, two folders down, importing src/app',
    filePath: 'src/contract/sub/planted.ts',
    code: "import type { Clock } from '../../app/ports';\nexport type Planted = Clock;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/contract importing a module that hashes with node:crypto',
    filePath: 'src/contract/planted.ts',
    code: "import { derivedGuid } from '../derivedGuid';\nexport const guid = derivedGuid;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/app importing the wire contract (answers are mapped in src/http/views)',
    filePath: 'src/app/planted.ts',
    code: "import type { IntroView } from '../contract';\nexport type Planted = IntroView;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/app, one folder down, importing a contract module',
    filePath: 'src/app/sub/planted.ts',
    code: "import { API_ROUTES } from '../../contract/routes';\nexport const routes = API_ROUTES;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/app importing a store adapter',
    filePath: 'src/app/planted.ts',
    code: "import { openSqliteStore } from '../store/sqlite/openSqliteStore';\nexport const open = openSqliteStore;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/http importing a store port instead of calling a use case',
    filePath: 'src/http/routes/planted.ts',
    code: "import type { IntroStore } from '../../app/ports';\nexport type Planted = IntroStore;\n",
    rule: IMPORTS,
  },
  {
    name: "src/http importing the use cases' deps bag",
    filePath: 'src/http/planted.ts',
    code: "import type { UseCaseDeps } from '../app/deps';\nexport type Planted = UseCaseDeps;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/bot importing the intro store instead of calling a use case',
    filePath: 'src/bot/planted.ts',
    code: "import type { IntroStore } from '../app/ports';\nexport type Planted = IntroStore;\n",
    rule: IMPORTS,
  },
  {
    name: "src/bot importing the flows' deps bag",
    filePath: 'src/bot/planted.ts',
    code: "import type { FlowDeps } from '../app/flowDeps';\nexport type Planted = FlowDeps;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/bot importing the store',
    filePath: 'src/bot/planted.ts',
    code: "import type { Store } from '../store/store';\nexport type Planted = Store;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/bot importing SQLite',
    filePath: 'src/bot/cards/planted.ts',
    code: "import Database from 'better-sqlite3';\nexport const db = Database;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/bot importing the HTTP edge',
    filePath: 'src/bot/planted.ts',
    code: "import { sendFailure } from '../http/errors';\nexport const send = sendFailure;\n",
    rule: IMPORTS,
  },
  {
    // The file that once held the bot's endpoint had an exception for this; the HTTP edge now owns that route.
    name: "src/bot/endpoint.ts importing the HTTP edge's body reader and errors",
    filePath: 'src/bot/endpoint.ts',
    code: "import { readJson } from '../http/body';\nimport { sendFailure } from '../http/errors';\nexport const planted = { readJson, sendFailure };\n",
    rule: IMPORTS,
  },
  {
    name: "the bot's activity runner importing the HTTP edge's request context",
    filePath: 'src/bot/runActivity.ts',
    code: "import type { LoggedRequest } from '../http/context';\nexport type Planted = LoggedRequest;\n",
    rule: IMPORTS,
  },
  {
    name: 'the messages route importing the bot instead of taking what it is handed',
    filePath: 'src/http/routes/messages.ts',
    code: "import { runActivity } from '../../bot/runActivity';\nexport const run = runActivity;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/http importing the calendar adapter',
    filePath: 'src/http/routes/planted.ts',
    code: "import { invitePath } from '../../calendar/inviteLinks';\nexport const link = invitePath;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/http importing an auth module other than the verifier and the local issuer',
    filePath: 'src/http/planted.ts',
    code: "import { tokenVerifierFor } from '../auth/verifierFor';\nexport const verifier = tokenVerifierFor;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/store importing the bot',
    filePath: 'src/store/sqlite/planted.ts',
    code: "import { callerOf } from '../../bot/identity';\nexport const caller = callerOf;\n",
    rule: IMPORTS,
  },
  {
    name: 'src/calendar importing another adapter',
    filePath: 'src/calendar/planted.ts',
    code: "import { ensurePrivateDir } from '../crypto/privateFiles';\nexport const ensure = ensurePrivateDir;\n",
    rule: IMPORTS,
  },
  {
    name: 'an adapter importing the composition root',
    filePath: 'src/jobs/planted.ts',
    code: "import { startApp } from '../index';\nexport const start = startApp;\n",
    rule: IMPORTS,
  },
  {
    name: 'a shared module beside the composition root importing an adapter',
    filePath: 'src/planted.ts',
    code: "import { openSqliteStore } from './store/sqlite/openSqliteStore';\nexport const open = openSqliteStore;\n",
    rule: IMPORTS,
  },
  {
    name: 'the tab importing src/app',
    filePath: 'tab/src/planted.ts',
    code: "import type { Caller } from '../../src/app/caller';\nexport type Planted = Caller;\n",
    rule: IMPORTS,
  },
  {
    name: 'tab/src/shared importing a feature (the pending-edit store of notes)',
    filePath: 'tab/src/shared/planted.ts',
    code: "import { pendingKey } from '../notes/pendingStore';\nexport const key = pendingKey;\n",
    rule: IMPORTS,
  },
  {
    name: 'a tab/src/shared hook, two folders down, importing a feature (the role switch)',
    filePath: 'tab/src/shared/hooks/planted.ts',
    code: "import { useRoleSwitch } from '../../live/roleSwitch/useRoleSwitch';\nexport const use = useRoleSwitch;\n",
    rule: IMPORTS,
  },
  {
    name: 'tab/src/shared/teams importing a feature',
    filePath: 'tab/src/shared/teams/planted.ts',
    code: "import { HistoryView } from '../../history/HistoryView';\nexport const view = HistoryView;\n",
    rule: IMPORTS,
  },
  {
    name: 'a tab feature importing @microsoft/teams-js instead of tab/src/shared/teams',
    filePath: 'tab/src/live/planted.ts',
    code: "import { app } from '@microsoft/teams-js';\nexport const teamsApp = app;\n",
    rule: IMPORTS,
  },
  {
    name: 'tab/src/shared outside shared/teams importing @microsoft/teams-js',
    filePath: 'tab/src/shared/hooks/planted.ts',
    code: "import { app } from '@microsoft/teams-js';\nexport const teamsApp = app;\n",
    rule: IMPORTS,
  },
  {
    name: 'a tab component calling makeStyles inline instead of in its .styles.ts',
    filePath: 'tab/src/live/Planted.tsx',
    code: [
      "import { makeStyles, tokens } from '@fluentui/react-components';",
      'const useStyles = makeStyles({ root: { gap: tokens.spacingVerticalXS } });',
      'export function Planted() {',
      '  return <div className={useStyles().root} />;',
      '}',
      '',
    ].join('\n'),
    rule: 'no-restricted-syntax',
  },
  {
    name: 'a hook called conditionally in a tab component',
    filePath: 'tab/src/components/Planted.tsx',
    code: [
      "import { useState } from 'react';",
      'export function Planted({ open }: { open: boolean }) {',
      '  if (open) {',
      '    const [count] = useState(0);',
      '    return <span>{count}</span>;',
      '  }',
      '  return null;',
      '}',
      '',
    ].join('\n'),
    rule: 'react-hooks/rules-of-hooks',
  },
  {
    name: 'an effect that leaves out a dependency in a tab hook',
    filePath: 'tab/src/hooks/usePlanted.ts',
    code: [
      "import { useEffect } from 'react';",
      'export function usePlanted(value: string, report: (value: string) => void): void {',
      '  useEffect(() => report(value), [report]);',
      '}',
      '',
    ].join('\n'),
    rule: 'react-hooks/exhaustive-deps',
  },
];

const clean: readonly Case[] = [
  {
    name: 'src/http importing the ports it may still name (a page, a session change notice)',
    filePath: 'src/http/planted.ts',
    code: "import type { Page, SessionChanges } from '../app/ports';\nexport type Planted = [Page<string>, SessionChanges];\n",
  },
  {
    name: 'src/bot, as the adapter that sends, naming the conversation references it keeps',
    filePath: 'src/bot/planted.ts',
    code: "import type { ConversationStore } from '../app/ports';\nexport type Planted = ConversationStore;\n",
  },
  {
    name: 'src/bot using a use case, a port and the domain',
    filePath: 'src/bot/planted.ts',
    code: [
      "import type { Signer } from '../app/ports';",
      "import { nextPrep } from '../app/nextIntro';",
      "import { ok } from '../domain/result';",
      "import { sendCard } from './send';",
      'export const planted = { nextPrep, ok, sendCard, sign: (signer: Signer) => signer.sign("x") };',
      '',
    ].join('\n'),
  },
  {
    name: "the messages route using the HTTP edge's body reader and errors",
    filePath: 'src/http/routes/messages.ts',
    code: "import { readJson } from '../body';\nimport { sendFailure } from '../errors';\nexport const planted = { readJson, sendFailure };\n",
  },
  {
    name: 'src/http using the token verifier and the local issuer',
    filePath: 'src/http/planted.ts',
    code: [
      "import type { TokenVerifier } from '../auth/tokenVerifier';",
      "import type { LocalIssuer } from '../auth/localIssuer';",
      'export type Planted = TokenVerifier | LocalIssuer;',
      '',
    ].join('\n'),
  },
  {
    name: 'src/store sealing notes with src/crypto',
    filePath: 'src/store/planted.ts',
    code: "import { sealBytes } from '../crypto/aesGcm';\nexport const seal = sealBytes;\n",
  },
  {
    name: 'the composition root importing everything',
    filePath: 'src/index.ts',
    code: "import { openSqliteStore } from './store/sqlite/openSqliteStore';\nimport { createBot } from './bot/createBot';\nexport const planted = { openSqliteStore, createBot };\n",
  },
  {
    name: 'a tab feature importing tab/src/shared (its client, storage and TeamsJS module)',
    filePath: 'tab/src/notes/planted.ts',
    code: [
      "import type { ApiClient } from '../shared/api/client';",
      "import { browserStorage } from '../shared/deviceStorage';",
      "import { onResume } from '../shared/teams';",
      'export const planted = { browserStorage, onResume, api: (api: ApiClient) => api };',
      '',
    ].join('\n'),
  },
  {
    name: 'tab/src/shared importing its own modules and the domain',
    filePath: 'tab/src/shared/hooks/planted.ts',
    code: [
      "import type { ApiClient } from '../api/client';",
      "import { keysAfter } from '../deviceStorage';",
      "import { PHASE_TITLES } from '../../../../src/domain/phases';",
      'export const planted = { keysAfter, PHASE_TITLES, api: (api: ApiClient) => api };',
      '',
    ].join('\n'),
  },
  {
    name: 'tab/src/shared/teams importing @microsoft/teams-js',
    filePath: 'tab/src/shared/teams/planted.ts',
    code: "import { app, teamsCore } from '@microsoft/teams-js';\nexport const planted = { app, teamsCore };\n",
  },
  {
    name: "a tab component's styles in its sibling .styles.ts",
    filePath: 'tab/src/live/Planted.styles.ts',
    code: [
      "import { makeStyles, tokens } from '@fluentui/react-components';",
      'export const usePlantedStyles = makeStyles({ root: { gap: tokens.spacingVerticalXS } });',
      '',
    ].join('\n'),
  },
  {
    name: 'a tab component using the styles hook of its .styles.ts',
    filePath: 'tab/src/live/Planted.tsx',
    code: [
      "import { Text } from '@fluentui/react-components';",
      "import { usePlantedStyles } from './Planted.styles';",
      'export function Planted() {',
      '  return <Text className={usePlantedStyles().root} />;',
      '}',
      '',
    ].join('\n'),
  },
  {
    name: 'a tab component calling hooks at the top level with every dependency',
    filePath: 'tab/src/components/Planted.tsx',
    code: [
      "import { useEffect, useState } from 'react';",
      'export function Planted({ label }: { label: string }) {',
      '  const [count, setCount] = useState(0);',
      '  useEffect(() => setCount(label.length), [label]);',
      '  return <span>{count}</span>;',
      '}',
      '',
    ].join('\n'),
  },
];

function lintAll(cases: readonly Case[]): Promise<Problem[][]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(__dirname, 'lintCases.mjs')],
      { cwd: root, maxBuffer: 8 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin?.end(JSON.stringify({ cwd: root, cases: cases.map(({ filePath, code }) => ({ filePath, code })) }));
  });
}

describe('lint boundaries', () => {
  let problems: Problem[][] = [];
  beforeAll(async () => {
    problems = await lintAll([...planted, ...clean]);
  }, 120_000);

  it.each(planted.map((planted, index) => [planted.name, index] as const))('refuses %s', (_name, index) => {
    const rule = planted[index]?.rule;
    const errors = (problems[index] ?? []).filter((problem) => problem.severity === 2);
    expect(errors.map((problem) => problem.ruleId)).toContain(rule);
  });

  it.each(clean.map((file, index) => [file.name, planted.length + index] as const))('accepts %s', (_name, index) => {
    expect(problems[index]).toEqual([]);
  });
});
