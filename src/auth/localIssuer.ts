import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/** Path under which the local issuer publishes its OpenID metadata and keys. */
export const LOCAL_AUTHORITY_PATH = '/local-auth';

/** Claims a locally minted token carries. */
interface LocalIdentity {
  readonly oid: string;
  readonly tid: string;
  readonly name: string;
}

/** A development-only OpenID issuer, so the API's token validation runs the same path without Entra ID. */
export interface LocalIssuer {
  /** The authority base URL, known once the server listens. */
  readonly authority: () => string;
  /** The OpenID configuration document served at <authority>/v2.0/.well-known/openid-configuration. */
  discoveryDocument(): Record<string, unknown>;
  /** The JSON Web Key Set served at <authority>/discovery/v2.0/keys. */
  jwks(): { keys: JWK[] };
  mint(identity: LocalIdentity, lifetimeSeconds?: number): Promise<string>;
}

/**
 * Creates a local issuer with a fresh RS256 key. `origin` is read when first needed, because the
 * server's port is known only once it listens.
 */
export async function createLocalIssuer(origin: () => string, clientId: string): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const authority = () => `${origin()}${LOCAL_AUTHORITY_PATH}`;
  const issuer = () => `${authority()}/v2.0`;
  return {
    authority,
    discoveryDocument: () => ({
      issuer: issuer(),
      jwks_uri: `${authority()}/discovery/v2.0/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['id_token'],
      subject_types_supported: ['pairwise'],
    }),
    jwks: () => ({ keys: [publicJwk] }),
    mint: (identity, lifetimeSeconds = 3600) =>
      new SignJWT({
        oid: identity.oid,
        tid: identity.tid,
        name: identity.name,
        preferred_username: identity.name,
        ver: '2.0',
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(issuer())
        .setAudience(clientId)
        .setSubject(identity.oid)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey),
  };
}
