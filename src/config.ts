import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: optional,
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: optional,
  STORAGE_CONNECTION_STRING: optional,
  BOT_ID: optional,
  BOT_PASSWORD: optional,
  BOT_TENANT_ID: optional,
  BOT_DOMAIN: optional,
  BOT_SERVICE_URL_HOSTS: optional,
  AAD_APP_CLIENT_ID: optional,
  AAD_APP_TENANT_ID: optional,
  AAD_APP_OAUTH_AUTHORITY: optional.pipe(z.string().url().optional()),
  TEAMS_APP_ID: optional,
  GRAPH_CLIENT_SECRET: optional,
  GRAPH_BASE_URL: optional.pipe(z.string().url().optional()),
  GRAPH_AUTHORITY_HOST: optional.pipe(z.string().url().optional()),
  SIGNING_SECRET: optional,
  JOB_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  NOTES_KEK: optional,
  KEY_VAULT_KEY_ID: optional.pipe(z.string().url().optional()),
  REDIS_URL: optional.pipe(z.string().url().optional()),
});
type Env = z.infer<typeof envSchema>;

/** Every environment variable the app reads (tests check that a deployment sets each one it needs). */
export const ENVIRONMENT_VARIABLES = Object.keys(envSchema.shape) as readonly (keyof Env)[];

/**
 * Name families only a deployment sets (Teams Toolkit's env files, infra/azure.bicep, the Bot Framework SDK's own
 * names). Any variable of a family with a value, read by this app or not (`AAD_APP_OBJECT_ID`, `GRAPH_TENANT_ID`),
 * switches to deployment rules whatever NODE_ENV says: a deployment that forgot one variable, or spelled one its
 * own way, must never fall back to local, unauthenticated behaviour. Matched in any case (Windows ignores it).
 */
export const DEPLOYMENT_FAMILIES = [
  'AAD_APP_*',
  'BOT_*',
  'GRAPH_*',
  'SECRET_*',
  'KEY_VAULT_*',
  'STORAGE_*',
  'TEAMS_APP_*',
  'REDIS_URL',
  'MicrosoftApp*',
] as const;

/** True when `name` belongs to a deployment family. */
export function isDeploymentSetting(name: string): boolean {
  const upper = name.toUpperCase();
  return DEPLOYMENT_FAMILIES.some((family) => {
    const pattern = family.toUpperCase();
    return pattern.endsWith('*') ? upper.startsWith(pattern.slice(0, -1)) : upper === pattern;
  });
}

/**
 * The deployment settings present in `source`, sorted; none means local mode. Blank values do not count, as
 * everywhere in this file: Teams Toolkit's env files list every name with an empty value until provisioning fills it.
 */
export function deploymentSettingsIn(source: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(source)
    .filter((name) => isDeploymentSetting(name) && (source[name] ?? '').trim() !== '')
    .sort();
}

/** Client id the local token issuer uses in local mode. */
const LOCAL_CLIENT_ID = '00000000-0000-0000-0000-00000000a11d';

/**
 * Bot Framework service hosts Microsoft documents for Teams (public cloud, GCC, GCC High, DoD): the only places a
 * deployed bot accepts a `serviceUrl` from, unless BOT_SERVICE_URL_HOSTS says otherwise.
 */
const TEAMS_SERVICE_URL_HOSTS = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
] as const;

/** Local: a developer's machine, loopback only, no Microsoft services. Deployment: anything else. */
type Mode = 'local' | 'deployment';

/** How API callers are authenticated: Entra ID, the local issuer (local mode only), or nobody (401). */
type AuthConfig =
  | { readonly mode: 'entra'; readonly clientId: string; readonly authority: string; readonly tenantId?: string }
  | { readonly mode: 'local'; readonly clientId: string }
  | { readonly mode: 'off' };

/** How the bot endpoint trusts activities: Bot Framework auth, none (local mode only), or not at all (401). */
export type BotConfig =
  | { readonly mode: 'authenticated'; readonly id: string; readonly password: string; readonly tenantId?: string }
  | { readonly mode: 'local' }
  | { readonly mode: 'off' };

/** Where the bot accepts a `serviceUrl` from: https on the listed hosts, or loopback only in local mode. */
export type ServiceUrlPolicy =
  { readonly mode: 'hosts'; readonly hosts: readonly string[] } | { readonly mode: 'loopback' };

/** Everything the app reads from its environment, parsed once at startup. */
export interface Config {
  readonly mode: Mode;
  readonly env: 'development' | 'test' | 'production';
  /** The interface the server listens on: loopback in local mode. */
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly dataDir: string;
  readonly storageConnectionString?: string;
  readonly bot: BotConfig;
  readonly serviceUrls: ServiceUrlPolicy;
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
  /** How long requests in flight may finish after SIGTERM before their sockets are cut. */
  readonly shutdownGraceMs: number;
  /**
   * Refuse to set up or join a meeting's intro when Teams cannot confirm the caller is in the meeting: always in
   * deployment (the client's meeting id is never trusted), off locally so the preview works without a bot.
   */
  readonly requireConfirmedParticipant: boolean;
  /** Where the notes' key-encryption key lives. */
  readonly keys: KeysConfig;
  /** Redis for session changes across instances (redis:// on loopback, else rediss://); none: one process. */
  readonly redisUrl?: string;
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

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

/** True for a loopback host name or address. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** https, or http on loopback (a sign-in stub on this machine); anything else could be read or forged on the way. */
function isSafeRemote(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
}

/** rediss (TLS), or redis on loopback: its access key and the change notices cross the network otherwise. */
function isSafeRedis(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'rediss:' || (parsed.protocol === 'redis:' && isLoopbackHost(parsed.hostname));
}

function pairs(env: Env): string[] {
  const problems: string[] = [];
  if (Boolean(env.AAD_APP_CLIENT_ID) !== Boolean(env.AAD_APP_OAUTH_AUTHORITY)) {
    problems.push('AAD_APP_CLIENT_ID and AAD_APP_OAUTH_AUTHORITY: set both (Entra ID SSO for the tab) or neither.');
  }
  if (Boolean(env.BOT_ID) !== Boolean(env.BOT_PASSWORD)) {
    problems.push('BOT_ID and BOT_PASSWORD: set both (Bot Framework authentication) or neither.');
  }
  if (env.BOT_TENANT_ID && !env.BOT_ID) problems.push('BOT_TENANT_ID: set only with BOT_ID and BOT_PASSWORD.');
  if (env.GRAPH_CLIENT_SECRET && (!env.AAD_APP_CLIENT_ID || !env.AAD_APP_TENANT_ID)) {
    problems.push('GRAPH_CLIENT_SECRET: needs AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID (the Entra app for Graph).');
  }
  if (env.AAD_APP_OAUTH_AUTHORITY && !isSafeRemote(env.AAD_APP_OAUTH_AUTHORITY)) {
    problems.push('AAD_APP_OAUTH_AUTHORITY: must use https.');
  }
  if (env.REDIS_URL && !isSafeRedis(env.REDIS_URL)) {
    problems.push('REDIS_URL: must be rediss://<host>:6380 (TLS), or redis:// on loopback only.');
  }
  return [...problems, ...keyRules(env)];
}

// Notes' key-encryption key: Key Vault, a configured secret, or a key file in DATA_DIR (one instance only).
function keyRules(env: Env): string[] {
  const problems: string[] = [];
  if (env.KEY_VAULT_KEY_ID && env.NOTES_KEK) problems.push('KEY_VAULT_KEY_ID and NOTES_KEK: set one, not both.');
  if (env.KEY_VAULT_KEY_ID && !isSafeRemote(env.KEY_VAULT_KEY_ID)) {
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

/** Contradictory settings: each names what to change, so the operator never guesses which mode was meant. */
function rules(env: Env, mode: Mode): string[] {
  const problems = pairs(env);
  if (mode === 'local' && env.NODE_ENV === 'production') {
    problems.push(
      `NODE_ENV=production: no deployment setting is present (${DEPLOYMENT_FAMILIES.join(', ')}), ` +
        'so the app would run its local sign-in; set the deployment settings or drop NODE_ENV=production.',
    );
  }
  if (mode === 'local' && env.HOST && !isLoopbackHost(env.HOST)) {
    problems.push(
      `HOST=${env.HOST}: local mode (no deployment setting present) listens on loopback only, because its sign-in ` +
        'is for this machine; set the deployment settings to listen on other interfaces.',
    );
  }
  return problems;
}

function serviceUrlPolicy(env: Env, mode: Mode): ServiceUrlPolicy {
  if (mode === 'local') return { mode: 'loopback' };
  const hosts = env.BOT_SERVICE_URL_HOSTS?.split(',').map((host) => host.trim().toLowerCase());
  return { mode: 'hosts', hosts: hosts?.filter(Boolean) ?? [...TEAMS_SERVICE_URL_HOSTS] };
}

function authConfig(env: Env, mode: Mode): AuthConfig {
  if (env.AAD_APP_CLIENT_ID && env.AAD_APP_OAUTH_AUTHORITY) {
    return {
      mode: 'entra',
      clientId: env.AAD_APP_CLIENT_ID,
      authority: env.AAD_APP_OAUTH_AUTHORITY.replace(/\/+$/, ''),
      tenantId: env.AAD_APP_TENANT_ID,
    };
  }
  return mode === 'local' ? { mode: 'local', clientId: LOCAL_CLIENT_ID } : { mode: 'off' };
}

function botConfig(env: Env, mode: Mode): BotConfig {
  if (env.BOT_ID && env.BOT_PASSWORD) {
    return { mode: 'authenticated', id: env.BOT_ID, password: env.BOT_PASSWORD, tenantId: env.BOT_TENANT_ID };
  }
  return mode === 'local' ? { mode: 'local' } : { mode: 'off' };
}

function graphConfig(env: Env): GraphConfig | undefined {
  if (!env.GRAPH_CLIENT_SECRET || !env.AAD_APP_CLIENT_ID || !env.AAD_APP_TENANT_ID) return undefined;
  return {
    clientId: env.AAD_APP_CLIENT_ID,
    clientSecret: env.GRAPH_CLIENT_SECRET,
    tenantId: env.AAD_APP_TENANT_ID,
    baseUrl: (env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''),
    authorityHost: (env.GRAPH_AUTHORITY_HOST ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
  };
}

/** The key-encryption key that wraps each author's notes key: Azure Key Vault, or local (NOTES_KEK or a key file). */
export type KeysConfig =
  { readonly mode: 'keyVault'; readonly keyId: string } | { readonly mode: 'local'; readonly secret?: string };

/** Parses the environment; throws a ConfigError naming each missing, wrong or contradictory variable. */
export function loadConfig(source: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const mode: Mode = deploymentSettingsIn(source).length > 0 ? 'deployment' : 'local';
  const problems = rules(env, mode);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    mode,
    env: env.NODE_ENV,
    host: env.HOST ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    dataDir: env.DATA_DIR ?? './.data',
    storageConnectionString: env.STORAGE_CONNECTION_STRING,
    bot: botConfig(env, mode),
    serviceUrls: serviceUrlPolicy(env, mode),
    domain: env.BOT_DOMAIN,
    auth: authConfig(env, mode),
    teamsAppId: env.TEAMS_APP_ID,
    graph: graphConfig(env),
    signingSecret: env.SIGNING_SECRET ?? env.BOT_PASSWORD,
    jobPollMs: env.JOB_POLL_MS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    requireConfirmedParticipant: mode === 'deployment',
    keys: env.KEY_VAULT_KEY_ID
      ? { mode: 'keyVault', keyId: env.KEY_VAULT_KEY_ID }
      : { mode: 'local', secret: env.NOTES_KEK },
    redisUrl: env.REDIS_URL,
  };
}
