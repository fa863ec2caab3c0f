import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createTokenVerifier } from '../../src/auth/tokenVerifier';
import { verifiedTokenCache } from '../../src/auth/verifiedTokens';

const CLIENT_ID = 'c0ffee00-0000-4000-8000-000000000001';
const TENANT = 'feed0000-0000-4000-8000-000000000001';
const OID = 'abcd0000-0000-4000-8000-000000000001';

/** A stand-in for Entra ID's OpenID discovery and key endpoints, serving Entra's documented shapes. */
async function startAuthority() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
  let discoveryCalls = 0;
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${TENANT}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
      discoveryCalls++;
      res.end(
        JSON.stringify({
          issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        }),
      );
    } else if (req.url === `/${TENANT}/discovery/v2.0/keys`) {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${TENANT}`;
  return { server, authority, privateKey, discoveryCalls: () => discoveryCalls };
}

function token(key: KeyLike, claims: Record<string, unknown> = {}, expiresIn: string | null = '1h') {
  const jwt = new SignJWT({
    oid: OID,
    tid: TENANT,
    name: 'Dana',
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: `api://intro.example.com/${CLIENT_ID}`,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuedAt();
  return (expiresIn === null ? jwt : jwt.setExpirationTime(expiresIn)).sign(key);
}

describe('createTokenVerifier against an OpenID authority', () => {
  let authority: Awaited<ReturnType<typeof startAuthority>>;
  beforeAll(async () => {
    authority = await startAuthority();
  });
  afterAll(async () => {
    await new Promise((resolve) => authority.server.close(resolve));
  });
  const verifier = () =>
    createTokenVerifier({
      authority: authority.authority,
      clientId: CLIENT_ID,
      domain: 'intro.example.com',
      tenantId: TENANT,
    });

  it('accepts a valid token and names the caller by oid within tid', async () => {
    const result = await verifier()(await token(authority.privateKey));
    expect(result).toEqual({ ok: true, value: { userId: OID, tenantId: TENANT, name: 'Dana' } });
  });

  it('accepts the bare client id as audience', async () => {
    expect((await verifier()(await token(authority.privateKey, { aud: CLIENT_ID }))).ok).toBe(true);
  });

  it('discovers once and reuses the keys', async () => {
    const verify = verifier();
    const before = authority.discoveryCalls();
    await verify(await token(authority.privateKey));
    await verify(await token(authority.privateKey));
    expect(authority.discoveryCalls() - before).toBe(1);
  });

  it.each([
    ['another audience', { aud: 'api://elsewhere/other' }],
    ['another tenant', { tid: 'feed0000-0000-4000-8000-000000000002' }],
    ['another issuer', { iss: 'https://evil.example.com/v2.0' }],
    ['no oid', { oid: undefined }],
  ])('refuses a token with %s', async (_label, claims) => {
    const result = await verifier()(await token(authority.privateKey, claims));
    expect(result.ok).toBe(false);
  });

  it('refuses an expired token', async () => {
    const result = await verifier()(await token(authority.privateKey, {}, '-1m'));
    expect(!result.ok && result.error.message).toMatch(/exp/);
  });

  it('refuses a token without an expiry', async () => {
    const result = await verifier()(await token(authority.privateKey, {}, null));
    expect(!result.ok && result.error.message).toMatch(/exp/);
  });

  it('answers unauthorized, not an error, while discovery is down', async () => {
    const down = createTokenVerifier({ authority: `${authority.authority}-down`, clientId: CLIENT_ID });
    const result = await down(await token(authority.privateKey, { aud: CLIENT_ID }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/authority could not be reached.*404/) },
    });
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect((await verifier()(await token(privateKey))).ok).toBe(false);
  });

  it('stops accepting a remembered token once it expires', async () => {
    let now = Date.now();
    const verify = createTokenVerifier({ authority: authority.authority, clientId: CLIENT_ID, now: () => now });
    const accepted = await token(authority.privateKey, { aud: CLIENT_ID }, '5m');
    expect((await verify(accepted)).ok).toBe(true);
    expect((await verify(accepted)).ok).toBe(true);
    now += 5 * 60_000 + 1_000;
    expect((await verify(accepted)).ok).toBe(false);
  });

  it('refuses garbage', async () => {
    expect((await verifier()('not.a.token')).ok).toBe(false);
  });
});

describe('verifiedTokenCache', () => {
  const caller = { userId: OID, tenantId: TENANT, name: 'Dana' } as never;

  it('answers for a token until 30 s before it expires, then forgets it', () => {
    let now = 1_000_000;
    const cache = verifiedTokenCache(() => now);
    cache.remember('t1', caller, now + 60_000);
    expect(cache.get('t1')).toBe(caller);
    expect(cache.get('t2')).toBeUndefined();
    now += 30_000;
    expect(cache.get('t1')).toBeUndefined();
  });

  it('keeps nothing that expires within the margin', () => {
    const cache = verifiedTokenCache(() => 0);
    cache.remember('t1', caller, 29_000);
    expect(cache.get('t1')).toBeUndefined();
  });

  it('forgets the oldest verdict beyond 10,000', () => {
    const cache = verifiedTokenCache(() => 0);
    for (let i = 0; i <= 10_000; i++) cache.remember(`t${i}`, caller, 3_600_000);
    expect(cache.get('t0')).toBeUndefined();
    expect(cache.get('t1')).toBe(caller);
    expect(cache.get('t10000')).toBe(caller);
  });
});
