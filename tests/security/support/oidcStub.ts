import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

/** Where Entra ID says its tokens come from; `{tenantid}` is the template multi-tenant authorities publish. */
export const entraIssuer = (tenant: string): string => `https://login.microsoftonline.com/${tenant}/v2.0`;

/** Authority segments that publish the issuer as a template, as Entra's multi-tenant endpoints do. */
const MULTI_TENANT = new Set(['common', 'organizations']);

/** A stand-in for Entra ID's OpenID discovery and key endpoints on 127.0.0.1, and a signer for its tokens. */
export interface OidcStub {
  /** The authority for a tenant (or `organizations`), as AAD_APP_OAUTH_AUTHORITY takes it. */
  authority(tenant: string): string;
  /** The kid the stub publishes. */
  readonly kid: string;
  /** The published key as PEM (SPKI), what an HS256 key-confusion attack would use as the HMAC secret. */
  readonly publicKeyPem: string;
  /** Signs `claims` as RS256 with the published key, or with `key`, under `kid` (default: the published kid). */
  sign(claims: JWTPayload, options?: { readonly kid?: string; readonly key?: KeyLike }): Promise<string>;
  stop(): Promise<void>;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the stub; it serves `/<tenant>/v2.0/.well-known/openid-configuration` and `/<tenant>/discovery/v2.0/keys`. */
export async function startOidcStub(): Promise<OidcStub> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = 'stub-signing-key-1';
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' }] };
  let origin = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/([A-Za-z0-9-]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys)$/.exec(
      req.url ?? '',
    );
    const tenant = match?.[1];
    if (!tenant || req.method !== 'GET') return answer(res, 404, { error: 'not_found' });
    if (match[2] === 'discovery/v2.0/keys') return answer(res, 200, jwks);
    answer(res, 200, {
      issuer: entraIssuer(MULTI_TENANT.has(tenant) ? '{tenantid}' : tenant),
      jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token'],
      subject_types_supported: ['pairwise'],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authority: (tenant) => `${origin}/${tenant}`,
    kid,
    publicKeyPem: await exportSPKI(publicKey),
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid })
        .sign(options.key ?? privateKey),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token that claims `alg: none` and carries no signature, built by hand (jose refuses to make one). */
export function unsignedToken(claims: JWTPayload, kid?: string): string {
  return `${base64url({ alg: 'none', typ: 'JWT', ...(kid ? { kid } : {}) })}.${base64url(claims)}.`;
}

/** An HS256 token keyed with `secret` (e.g. the RSA public key's PEM), built by hand with node:crypto. */
export function hmacToken(claims: JWTPayload, secret: string, kid?: string): string {
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT', ...(kid ? { kid } : {}) })}.${base64url(claims)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}
