// @ts-check
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Imports each layer may not use; see STYLE.md "Boundaries". */
const frameworks = [
  'botbuilder',
  'botbuilder-*',
  '@microsoft/teams-ai',
  'restify',
  'better-sqlite3',
  '@azure/*',
  'pino',
  'jose',
  'redis',
  '@redis/*',
];
const frontEnd = ['react', 'react-dom', '@fluentui/*', '@microsoft/teams-js'];
// Every Node built-in (its bare name is a path segment in a gitignore-style group, so 'domain' is left to node:*).
const node = ['node:*', ...builtinModules.filter((name) => !name.startsWith('_') && name !== 'domain')];
const adapters = ['store', 'calendar', 'crypto', 'auth', 'jobs', 'live'];
/** Modules beside the composition root: the environment, the log, the system clock, a node:crypto hash. */
const shared = ['config', 'log', 'clock', 'derivedGuid'];
const NO_ENV = { object: 'process', property: 'env', message: 'Only src/config.ts reads the environment.' };
const NO_DATE_NOW = { object: 'Date', property: 'now', message: 'Take time from a Clock.' };
const edges = ['bot', 'http'];
const others = (folder, all) => all.filter((name) => name !== folder);
/**
 * no-restricted-imports for src folders (and src/index.ts) reached through `../` at any depth; `allow` names, per
 * folder, the modules a file may still import from it.
 */
const layers = (banned, message, allow = {}, packages = [], up = '(\\.\\./)+') => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...(packages.length > 0 ? [{ group: packages, message }] : []),
        ...banned.map((folder) => {
          const modules = allow[folder] ?? [];
          const rest = modules.length > 0 ? `(/(?!(${modules.join('|')})$)|$)` : '(/|$)';
          return { regex: `^${up}${folder}${rest}`, message };
        }),
      ],
    },
  ],
});
const EDGE_MESSAGE =
  'Edges (src/bot, src/http) use src/app and its ports, not adapters or the other edge; wire adapters in src/index.ts.';
const ADAPTER_MESSAGE = 'Adapters do not import other adapters or the edges; wire them together in src/index.ts.';
/** Adapter folders one adapter may still import, with the reason. */
const adapterAllows = {
  // Encryption at rest is part of the store: it seals notes with src/crypto's primitives and keyring.
  store: ['crypto'],
};
/** An edge's restrictions; `allow` opens single modules of a banned folder. */
const edgeRules = (edge, allow = {}) =>
  layers([...others(edge, edges), ...adapters, 'index'], EDGE_MESSAGE, allow, [
    ...frontEnd,
    'better-sqlite3',
    '@azure/*',
    'redis',
    '@redis/*',
  ]);

/** What every tab file may not import: the server's packages, Node, and src/ beyond its domain and contract. */
const TAB_SERVER = {
  group: [
    ...frameworks,
    ...node,
    '**/src/*',
    '!**/src/domain',
    '!**/src/domain/*',
    '!**/src/contract',
    '!**/src/contract/*',
  ],
  message: 'The tab may import only src/domain and src/contract.',
};
/** TeamsJS is reached only through tab/src/shared/teams, which checks the host and types its errors. */
const TAB_TEAMS_JS = {
  group: ['@microsoft/teams-js', '@microsoft/teams-js/*'],
  message: 'Only tab/src/shared/teams imports @microsoft/teams-js; use what tab/src/shared/teams exports.',
};
/** The tab's features: every top-level folder of tab/src but shared (history, live, notes, sidePanel, …). */
const tabFeatures = readdirSync(new URL('./tab/src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);
/** tab/src/shared sits below the features: a feature passes in what shared code needs, or the code moves to shared. */
const TAB_NO_FEATURE = {
  regex: `^(\\.\\./)+(${tabFeatures.join('|')})(/|$)`,
  message: 'tab/src/shared imports no feature; move what both use into tab/src/shared, or have the feature pass it in.',
};
const tabImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns: [TAB_SERVER, ...patterns] }] });
/** The stores and outside services behind the use cases: an edge is handed use cases, never these. */
const USE_CASE_PORTS = ['IntroStore', 'NotesStore', 'DataKeyStore', 'JobStore', 'Calendar', 'FreeBusy'];
/**
 * Patterns that keep an edge on the use cases it is handed (`bundle` in src/app/edges.ts): no store port of `ports`,
 * no bag of use-case dependencies.
 */
const useCasesOnly = (bundle, ports) => {
  const message = `This edge calls only the use cases it is handed (${bundle} in src/app/edges.ts), never a store or a deps bag.`;
  return [
    { regex: '^(\\.\\./)+app/ports$', importNames: ports, message },
    { regex: '^(\\.\\./)+app/(deps|flowDeps|teamPlanSupport)$', message },
  ];
};
/** Adds patterns to a no-restricted-imports rule made by `layers`. */
const alsoRestrict = (rules, patterns) => {
  const [level, options] = rules['no-restricted-imports'];
  return { 'no-restricted-imports': [level, { ...options, patterns: [...options.patterns, ...patterns] }] };
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'tab/dist/**',
      'appPackage/build/**',
      'devTools/**',
      '.data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        require: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    // src/index.ts hands process.env to loadConfig, which alone reads it.
    ignores: ['src/config.ts', 'src/index.ts'],
    rules: { 'no-restricted-properties': ['error', NO_ENV] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      ...layers(
        ['app', 'contract', ...edges, ...adapters, ...shared, 'index'],
        'src/domain is pure: no frameworks, I/O or outer layers.',
        {},
        [...frameworks, ...frontEnd, ...node],
      ),
      'no-restricted-properties': ['error', NO_DATE_NOW, NO_ENV],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'fetch'],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      ...layers(
        ['app', ...edges, ...adapters, ...shared, 'index'],
        'src/contract is the wire contract: it imports only src/domain and zod.',
        {},
        [...frameworks, ...frontEnd, ...node],
      ),
      'no-restricted-properties': ['error', NO_DATE_NOW, NO_ENV],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'fetch'],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      ...layers(
        ['contract', ...edges, ...adapters, ...shared, 'index'],
        'src/app depends only on src/domain and its ports; wire shapes are mapped in src/http/views.',
        {},
        [...frameworks, ...frontEnd, ...node],
      ),
      'no-restricted-properties': ['error', NO_DATE_NOW, NO_ENV],
      // Time and I/O come through ports (Clock, the stores, the calendar), so use cases stay testable.
      'no-restricted-globals': ['error', 'setInterval', 'fetch'],
    },
  },
  ...adapters.map((adapter) => ({
    files: [`src/${adapter}/**/*.ts`],
    rules: layers(
      [...others(adapter, adapters), ...edges, 'index'].filter((folder) => !adapterAllows[adapter]?.includes(folder)),
      ADAPTER_MESSAGE,
      {},
      frontEnd,
    ),
  })),
  {
    // Shared modules beside the composition roots (config, log, clock) stay below the edges and adapters. The bot
    // thread's two ends (src/botThread.ts starts it, src/botWorker.ts wires the bot inside it) are composition roots.
    files: ['src/*.ts'],
    ignores: ['src/index.ts', 'src/botThread.ts', 'src/botWorker.ts'],
    rules: layers(
      [...edges, ...adapters, 'index'],
      'Only src/index.ts wires edges and adapters together.',
      {},
      [],
      '\\./',
    ),
  },
  {
    // The bot is also the adapter that sends (Notifier, rosters): it keeps the conversation references, and names
    // no other store.
    files: ['src/bot/**/*.ts'],
    rules: alsoRestrict(edgeRules('bot'), useCasesOnly('botUseCases', [...USE_CASE_PORTS, 'TeamPlanStore'])),
  },
  {
    // The HTTP edge checks bearer tokens and, in local mode, serves the local issuer: those are its own concern.
    files: ['src/http/**/*.ts'],
    rules: alsoRestrict(
      edgeRules('http', { auth: ['tokenVerifier', 'localIssuer'] }),
      useCasesOnly('httpUseCases', [...USE_CASE_PORTS, 'ConversationStore', 'TeamPlanStore']),
    ),
  },
  // Later entries replace no-restricted-imports for their files, so each one lists every pattern that applies there.
  { files: ['tab/**/*.{ts,tsx}'], rules: tabImports(TAB_TEAMS_JS) },
  { files: ['tab/src/shared/**/*.{ts,tsx}'], rules: tabImports(TAB_TEAMS_JS, TAB_NO_FEATURE) },
  { files: ['tab/src/shared/teams/**/*.{ts,tsx}'], rules: tabImports(TAB_NO_FEATURE) },
  {
    // The Fluent split: a component's Griffel styles live in a sibling `<Name>.styles.ts` as `use<Name>Styles`.
    files: ['tab/src/**/*.{ts,tsx}'],
    ignores: ['tab/src/**/*.styles.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value=/^@fluentui\\/react-components$|^@griffel\\//] > ImportSpecifier[imported.name='makeStyles']",
          message: 'makeStyles lives in a sibling <Name>.styles.ts that exports use<Name>Styles; import that hook.',
        },
      ],
    },
  },
  {
    files: ['tab/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
