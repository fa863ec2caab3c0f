// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
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
];
const frontEnd = ['react', 'react-dom', '@fluentui/*', '@microsoft/teams-js'];
const node = ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'os', 'child_process'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

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
    files: ['src/domain/**/*.ts'],
    rules: {
      ...restrict(
        [
          ...frameworks,
          ...frontEnd,
          ...node,
          '../app/*',
          '../store/*',
          '../http/*',
          '../bot/*',
          '../auth/*',
          '../calendar/*',
        ],
        'src/domain is pure: no frameworks, I/O or outer layers.',
      ),
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take time from a Clock.' }],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'fetch'],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      ...restrict(
        [
          ...frameworks,
          ...frontEnd,
          ...node,
          '../app/*',
          '../store/*',
          '../http/*',
          '../bot/*',
          '../auth/*',
          '../calendar/*',
          '../crypto/*',
          '../jobs/*',
          '../config',
          '../log',
          '../clock',
          '../index',
        ],
        'src/contract is the wire contract: it imports only src/domain and zod.',
      ),
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take time from a Clock.' }],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'fetch'],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      ...restrict(
        [...frameworks, ...frontEnd, ...node, '../store/*', '../http/*', '../bot/*', '../auth/*', '../calendar/*'],
        'src/app depends only on src/domain and its ports.',
      ),
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take time from a Clock.' }],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/auth/**/*.ts', 'src/calendar/**/*.ts', 'src/jobs/**/*.ts'],
    rules: restrict(
      [...frontEnd, '../../http/*', '../../bot/*', '../http/*', '../bot/*'],
      'Adapters do not reach into other adapters.',
    ),
  },
  {
    files: ['src/http/**/*.ts', 'src/bot/**/*.ts'],
    rules: restrict(
      [...frontEnd, '../store/*', '../../store/*', '**/store/sqlite/*', '**/store/azure-tables/*'],
      'Edges use ports, not store adapters; wire adapters in src/index.ts.',
    ),
  },
  {
    files: ['tab/**/*.{ts,tsx}'],
    rules: restrict(
      [
        ...frameworks,
        ...node,
        '**/src/*',
        '!**/src/domain',
        '!**/src/domain/*',
        '!**/src/contract',
        '!**/src/contract/*',
      ],
      'The tab may import only src/domain and src/contract.',
    ),
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
