import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { parseTenantId, parseUserId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import type { Caller } from '../app/caller';
import { verifiedTokenCache } from './verifiedTokens';

/** What a token must satisfy to be accepted. */
interface VerifierOptions {
  /** Authority base, e.g. https://login.microsoftonline.com/<tenant>; discovery is at <authority>/v2.0/.well-known/openid-configuration. */
  readonly authority: string | (() => string);
  readonly clientId: string;
  /** Host name of the app, for the `api://<domain>/<client id>` audience. */
  readonly domain?: string;
  /** When set, only tokens from this tenant are accepted. */
  readonly tenantId?: string;
  /** Time source for expiring cached verdicts; tests pass a controllable one. */
  readonly now?: () => number;
}

/** Checks a bearer token and names its caller. */
export type TokenVerifier = (token: string) => Promise<Result<Caller, 'unauthorized'>>;

interface Discovery {
  readonly issuer: string;
  readonly jwksUri: string;
}

async function discover(authority: string): Promise<Discovery> {
  const url = `${authority}/v2.0/.well-known/openid-configuration`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`OpenID discovery at ${url} answered ${response.status}`);
  const body = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof body.issuer !== 'string' || typeof body.jwks_uri !== 'string') {
    throw new Error(`OpenID discovery at ${url} has no issuer or jwks_uri`);
  }
  return { issuer: body.issuer, jwksUri: body.jwks_uri };
}

/** Accepted audiences: the client id and `api://<domain>/<client id>`. */
function audiences(options: VerifierOptions): string[] {
  const list = [options.clientId, `api://${options.clientId}`];
  if (options.domain) list.push(`api://${options.domain}/${options.clientId}`);
  return list;
}

function callerOf(payload: JWTPayload): Caller | undefined {
  const userId = parseUserId(payload['oid']);
  const tenantId = parseTenantId(payload['tid']);
  if (!userId || !tenantId) return undefined;
  const name =
    [payload['name'], payload['preferred_username']].find((v): v is string => typeof v === 'string') ?? 'Unknown';
  return { userId, tenantId, name };
}

/**
 * Creates a verifier for the configured authority. Discovery runs on first use and is retried after a failure,
 * so the app starts even while the authority is briefly unreachable.
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  let keys: Promise<{ discovery: Discovery; jwks: ReturnType<typeof createRemoteJWKSet> }> | undefined;
  const load = () =>
    (keys ??= discover(typeof options.authority === 'string' ? options.authority : options.authority())
      .then((discovery) => ({ discovery, jwks: createRemoteJWKSet(new URL(discovery.jwksUri)) }))
      .catch((error: unknown) => {
        keys = undefined;
        throw error;
      }));

  const verify: TokenVerifier = async (token) => {
    let loaded: Awaited<ReturnType<typeof load>>;
    try {
      loaded = await load();
    } catch (error) {
      // The caller logs the reason; the client sees 401 and retries, rather than a 500.
      return fail('unauthorized', `The sign-in authority could not be reached: ${(error as Error).message}`);
    }
    const { discovery, jwks } = loaded;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        audience: audiences(options),
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
        ...(options.now ? { currentDate: new Date(options.now()) } : {}),
      });
      const caller = callerOf(payload);
      // Entra's common-authority issuer is a template: {tenantid} stands for the token's own tenant.
      const issuer = discovery.issuer.replace('{tenantid}', String(payload['tid']));
      if (payload.iss !== issuer) return fail('unauthorized', 'The token was issued by another authority.');
      if (!caller) return fail('unauthorized', 'The token has no valid oid and tid claims.');
      if (options.tenantId && caller.tenantId !== options.tenantId.toLowerCase()) {
        return fail('unauthorized', 'The token belongs to another tenant.');
      }
      if (typeof payload.exp === 'number') verified.remember(token, caller, payload.exp * 1000);
      return ok(caller);
    } catch (error) {
      return fail('unauthorized', `The token is not valid: ${(error as Error).message}`);
    }
  };
  const verified = verifiedTokenCache(options.now ?? Date.now);
  // A panel polls every second with the same token: a signature check per poll is work the first check already did.
  return async (token) => {
    const cached = verified.get(token);
    return cached ? ok(cached) : verify(token);
  };
}
