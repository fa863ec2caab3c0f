import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: optional,
  STORAGE_CONNECTION_STRING: optional,
  BOT_ID: optional,
  BOT_PASSWORD: optional,
  BOT_TENANT_ID: optional,
  BOT_DOMAIN: optional,
  AAD_APP_CLIENT_ID: optional,
  AAD_APP_TENANT_ID: optional,
  AAD_APP_OAUTH_AUTHORITY: optional.pipe(z.string().url().optional()),
  TEAMS_APP_ID: optional,
  GRAPH_CLIENT_SECRET: optional,
  GRAPH_BASE_URL: optional.pipe(z.string().url().optional()),
  GRAPH_AUTHORITY_HOST: optional.pipe(z.string().url().optional()),
  SIGNING_SECRET: optional,
  JOB_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  NOTES_KEK: optional,
  KEY_VAULT_KEY_ID: optional.pipe(z.string().url().optional()),
});

/** Client id the local token issuer uses when no Entra app is configured. */
export const LOCAL_CLIENT_ID = '00000000-0000-0000-0000-00000000a11d';

/** How API callers are authenticated: Entra ID, or the built-in local issuer for running without it. */
export type AuthConfig =
  | { readonly mode: 'entra'; readonly clientId: string; readonly authority: string; readonly tenantId?: string }
  | { readonly mode: 'local'; readonly clientId: string };

/** Everything the app reads from its environment, parsed once at startup. */
export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly port: number;
  readonly logLevel: string;
  readonly dataDir: string;
  readonly storageConnectionString?: string;
  readonly bot: { readonly id?: string; readonly password?: string; readonly tenantId?: string };
  /** Host name (and port) the app is reached at, as in the manifest's validDomains. */
  readonly domain?: string;
  readonly auth: AuthConfig;
  /** The Teams app id, for deep links to the personal tab. */
  readonly teamsAppId?: string;
  /** Microsoft Graph for the calendar, when an Entra app with Calendars.ReadWrite is configured. */
  readonly graph?: GraphConfig;
  /** Secret the app's HMAC signing key is derived from; else a key kept in DATA_DIR. */
  readonly signingSecret?: string;
  /** How often each instance polls for due jobs (0: never, for tests). */
  readonly jobPollMs: number;
  /**
   * Refuse to set up or join a meeting's intro when Teams cannot confirm the caller is in the meeting: on whenever
   * BOT_ID is set (real Teams never trusts the client's meeting id), off locally so the preview works without a bot.
   */
  readonly requireConfirmedParticipant: boolean;
  /** Where the notes' key-encryption key lives. */
  readonly keys: KeysConfig;
}

/** Client-credentials access to Microsoft Graph. */
export interface GraphConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
  /** Default https://graph.microsoft.com/v1.0; tests point it at a stub. */
  readonly baseUrl: string;
  /** Default https://login.microsoftonline.com. */
  readonly authorityHost: string;
}

/** Why the environment was refused: every problem at once, so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Intro 1:1 cannot start; fix these environment variables:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function rules(env: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  if (Boolean(env.AAD_APP_CLIENT_ID) !== Boolean(env.AAD_APP_OAUTH_AUTHORITY)) {
    problems.push('AAD_APP_CLIENT_ID and AAD_APP_OAUTH_AUTHORITY: set both (Entra ID SSO) or neither (local issuer).');
  }
  if (production && !env.BOT_ID)
    problems.push('BOT_ID: required with NODE_ENV=production (Bot Framework authentication).');
  if (production && env.BOT_ID && !env.BOT_PASSWORD)
    problems.push('BOT_PASSWORD: required when BOT_ID is set in production.');
  if (production && !env.AAD_APP_OAUTH_AUTHORITY) {
    problems.push(
      'AAD_APP_OAUTH_AUTHORITY: required with NODE_ENV=production; the local token issuer is for development only.',
    );
  }
  if (env.GRAPH_CLIENT_SECRET && (!env.AAD_APP_CLIENT_ID || !env.AAD_APP_TENANT_ID)) {
    problems.push('GRAPH_CLIENT_SECRET: needs AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID (the Entra app for Graph).');
  }
  if (production && env.AAD_APP_OAUTH_AUTHORITY?.startsWith('http:')) {
    problems.push('AAD_APP_OAUTH_AUTHORITY: must use https in production.');
  }
  return [...problems, ...keyRules(env)];
}

// Notes' key-encryption key: Key Vault, a configured secret, or a key file in DATA_DIR (one instance only).
function keyRules(env: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (env.KEY_VAULT_KEY_ID && env.NOTES_KEK) problems.push('KEY_VAULT_KEY_ID and NOTES_KEK: set one, not both.');
  if (env.KEY_VAULT_KEY_ID?.startsWith('http:') && env.NODE_ENV !== 'test') {
    problems.push('KEY_VAULT_KEY_ID: must be an https Key Vault key id (https://<vault>.vault.azure.net/keys/<name>).');
  }
  const keks = env.NOTES_KEK?.split(',') ?? [];
  if (keks.some((kek) => !/^[A-Za-z0-9+/]{43}=$/.test(kek.trim()))) {
    problems.push(
      'NOTES_KEK: base64 of 32 random bytes (openssl rand -base64 32); several, comma-separated, newest first.',
    );
  }
  if (env.STORAGE_CONNECTION_STRING && !env.KEY_VAULT_KEY_ID && !env.NOTES_KEK) {
    problems.push(
      'KEY_VAULT_KEY_ID or NOTES_KEK: required with STORAGE_CONNECTION_STRING (all instances share the key).',
    );
  }
  return problems;
}

/** The key-encryption key that wraps each author's notes key: Azure Key Vault, or local (NOTES_KEK or a key file). */
export type KeysConfig =
  { readonly mode: 'keyVault'; readonly keyId: string } | { readonly mode: 'local'; readonly secret?: string };

/** Parses the environment; throws a ConfigError naming each missing or wrong variable. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems = rules(env);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR ?? './.data',
    storageConnectionString: env.STORAGE_CONNECTION_STRING,
    bot: { id: env.BOT_ID, password: env.BOT_PASSWORD, tenantId: env.BOT_TENANT_ID },
    domain: env.BOT_DOMAIN,
    auth:
      env.AAD_APP_CLIENT_ID && env.AAD_APP_OAUTH_AUTHORITY
        ? {
            mode: 'entra',
            clientId: env.AAD_APP_CLIENT_ID,
            authority: env.AAD_APP_OAUTH_AUTHORITY.replace(/\/+$/, ''),
            tenantId: env.AAD_APP_TENANT_ID,
          }
        : { mode: 'local', clientId: LOCAL_CLIENT_ID },
    teamsAppId: env.TEAMS_APP_ID,
    graph:
      env.GRAPH_CLIENT_SECRET && env.AAD_APP_CLIENT_ID && env.AAD_APP_TENANT_ID
        ? {
            clientId: env.AAD_APP_CLIENT_ID,
            clientSecret: env.GRAPH_CLIENT_SECRET,
            tenantId: env.AAD_APP_TENANT_ID,
            baseUrl: (env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''),
            authorityHost: (env.GRAPH_AUTHORITY_HOST ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
          }
        : undefined,
    signingSecret: env.SIGNING_SECRET ?? env.BOT_PASSWORD,
    jobPollMs: env.JOB_POLL_MS,
    requireConfirmedParticipant: Boolean(env.BOT_ID),
    keys: env.KEY_VAULT_KEY_ID
      ? { mode: 'keyVault', keyId: env.KEY_VAULT_KEY_ID }
      : { mode: 'local', secret: env.NOTES_KEK },
  };
}
