import { generateKeyPair, type JWTPayload } from 'jose';
import { NIL_GUID } from '../../src/domain/ids';
import { LEADER, OTHER_TENANT, TENANT, startTestApp, type TestApp } from '../support/testApp';
import { API_ROUTES, callRoute, declaredApiRoutes, servedApiRoutes, type ApiRoute } from './support/apiRoutes';
import { countCases } from './support/cases';
import { postUnfinished } from './support/network';
import { entraIssuer, hmacToken, startOidcStub, unsignedToken, type OidcStub } from './support/oidcStub';

/** The token matrix: every refused token gets the same generic 401 on every /api/v1 route, in Entra mode. */
const cases = countCases('tokens');
const CLIENT_ID = 'c1e0a0d0-5ec0-4000-8000-00000000c11d';
const OTHER_APP = 'c1e0a0d0-5ec0-4000-8000-0000000000ff';

let stub: OidcStub;
/** Entra ID, multi-tenant authority, restricted to TENANT by AAD_APP_TENANT_ID. */
let restricted: TestApp;
/** The same without AAD_APP_TENANT_ID: shows the "another tenant" row is refused by the restriction alone. */
let open: TestApp;

const now = () => Math.floor(Date.now() / 1000);

/** The claims Entra ID puts in a v2 access token for the app, with `changes` applied (undefined drops a claim). */
function claims(changes: JWTPayload = {}): JWTPayload {
  const t = now();
  return {
    ver: '2.0',
    iss: entraIssuer(TENANT),
    aud: CLIENT_ID,
    tid: TENANT,
    oid: LEADER.oid,
    name: LEADER.name,
    iat: t - 60,
    nbf: t - 60,
    exp: t + 3600,
    ...changes,
  };
}

type Forge = (stub: OidcStub) => Promise<string | undefined>;
const bearer = (token: string) => `Bearer ${token}`;
const signed = (changes: JWTPayload) => async (s: OidcStub) => bearer(await s.sign(claims(changes)));

const REFUSED: ReadonlyArray<readonly [string, Forge]> = [
  ['no Authorization header', async () => undefined],
  ['a Basic credential', async () => 'Basic YXZlcnk6c2VjcmV0'],
  ['Bearer and nothing', async () => 'Bearer'],
  ['not a JWT', async () => bearer('not-a-jwt')],
  ['a JWT with a garbled payload', async (s) => bearer((await s.sign(claims())).replace(/\.[^.]+\./, '.e30x.'))],
  ['expired', signed({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 })],
  ['not yet valid (nbf)', signed({ iat: now(), nbf: now() + 600 })],
  ['no exp', signed({ exp: undefined })],
  ['the wrong audience', signed({ aud: OTHER_APP })],
  ['the wrong issuer', signed({ iss: `https://evil.example.com/${TENANT}/v2.0` })],
  ["another tenant's issuer", signed({ iss: entraIssuer(OTHER_TENANT) })],
  ['another tenant', signed({ iss: entraIssuer(OTHER_TENANT), tid: OTHER_TENANT })],
  [
    'a bad signature',
    async (s) => bearer(await s.sign(claims(), { key: (await generateKeyPair('RS256')).privateKey })),
  ],
  ['alg: none', async (s) => bearer(unsignedToken(claims(), s.kid))],
  ['HS256 keyed with the RSA public key', async (s) => bearer(hmacToken(claims(), s.publicKeyPem, s.kid))],
  ['no oid', signed({ oid: undefined })],
  ['no tid', signed({ tid: undefined })],
  ['an oid that is not a GUID', signed({ oid: 'avery' })],
  ['the nil-GUID oid', signed({ oid: NIL_GUID })],
  ['the nil-GUID tid', signed({ tid: NIL_GUID, iss: entraIssuer(NIL_GUID) })],
  ['an unknown kid', async (s) => bearer(await s.sign(claims(), { kid: 'no-such-key' }))],
];

/** Words from the verifier's reasons; none may reach the caller. */
const REASON =
  /signature|alg|audience|\baud\b|expired|\bexp\b|nbf|issuer|\biss\b|tenant|\bkid\b|claim|JWS|JWT|oid|tid/i;

let generic: string;
/** The forged Authorization header of each refused row, made once. */
const forged = new Map<string, string | undefined>();

beforeAll(async () => {
  stub = await startOidcStub();
  const entra = { AAD_APP_CLIENT_ID: CLIENT_ID, AAD_APP_OAUTH_AUTHORITY: stub.authority('organizations') };
  [restricted, open] = await Promise.all([
    startTestApp({ ...entra, AAD_APP_TENANT_ID: TENANT, HOST: '127.0.0.1' }),
    startTestApp({ ...entra, HOST: '127.0.0.1' }),
  ]);
  for (const [name, forge] of REFUSED) forged.set(name, await forge(stub));
  generic = await (await callRoute(restricted.baseUrl, API_ROUTES[0]!)).text();
});
afterAll(async () => {
  await Promise.all([restricted?.stop(), open?.stop(), stub?.stop()]);
});

describe('the matrix is not vacuous', () => {
  it('covers every /api/v1 route the server declares', () => {
    expect(API_ROUTES.map((r) => `${r.method} ${r.pattern}`).sort()).toEqual(declaredApiRoutes());
    expect(servedApiRoutes(restricted.app.server)).toEqual(declaredApiRoutes());
    cases.bump();
  });

  it('runs in Entra mode: a valid token from the stub gets 200 on GET /api/v1/me', async () => {
    const response = await callRoute(restricted.baseUrl, API_ROUTES[0]!, bearer(await stub.sign(claims())));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: LEADER.oid, tenantId: TENANT, name: LEADER.name });
    cases.bump();
  });

  it.each(API_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'a valid token passes authentication on %s',
    async (_name, route: ApiRoute) => {
      const response = await callRoute(restricted.baseUrl, route, bearer(await stub.sign(claims())));
      expect(response.status).not.toBe(401);
      expect(response.status).toBeLessThan(500);
      cases.bump();
    },
  );

  it('without AAD_APP_TENANT_ID the other tenant is accepted, so the restriction alone refuses it', async () => {
    const response = await callRoute(open.baseUrl, API_ROUTES[0]!, forged.get('another tenant'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { tenantId: string }).tenantId).toBe(OTHER_TENANT);
    cases.bump();
  });

  it("the multi-tenant authority still refuses another tenant's issuer on a token naming ours", async () => {
    const response = await callRoute(open.baseUrl, API_ROUTES[0]!, forged.get("another tenant's issuer"));
    expect(response.status).toBe(401);
    cases.bump();
  });

  it('the generic 401 body names no reason', () => {
    expect(JSON.parse(generic)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(generic).not.toMatch(REASON);
    cases.bump();
  });
});

const MATRIX = REFUSED.flatMap(([token]) =>
  API_ROUTES.map((route) => [token, `${route.method} ${route.path}`, route] as const),
);

describe('refused tokens', () => {
  it.each(MATRIX)('%s → 401 on %s', async (token, _name, route: ApiRoute) => {
    const response = await callRoute(restricted.baseUrl, route, forged.get(token));
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(generic);
    cases.bump();
  });
});

describe('authentication comes before the body', () => {
  const WITH_BODY = API_ROUTES.filter((route) => route.body !== undefined);
  it.each(
    WITH_BODY.flatMap((route) =>
      ['no Authorization header', 'alg: none', 'a bad signature'].map(
        (token) => [token, `${route.method} ${route.path}`, route] as const,
      ),
    ),
  )('%s → 401 on %s without reading the body', async (token, _name, route: ApiRoute) => {
    const authorization = forged.get(token);
    const headers = { ...route.headers, ...(authorization ? { authorization } : {}) };
    const status = await postUnfinished(`${restricted.baseUrl}${route.path}`, headers, 3000, route.method);
    expect(status).toBe(401);
    cases.bump();
  });
});
