import { API_ERROR_CODES, API_ROUTES, PATH_PARAMS, type ApiRoute } from '../../src/contract';

const routes = Object.entries(API_ROUTES) as [string, ApiRoute][];
const BODY_FAILURES = ['unsupportedMediaType', 'invalidJson', 'invalidBody', 'tooLarge'];

describe('the /api/v1 route table', () => {
  it('declares each method and path once', () => {
    const keys = routes.map(([, route]) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(routes)('%s parses exactly the parameters its path names', (_name, route) => {
    const named = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
    expect(route.params ?? []).toEqual(named);
  });

  it.each(routes)('%s lists every failure its request can produce before the handler runs', (_name, route) => {
    const expected = ['unauthorized', ...(route.params ?? []).map((name) => PATH_PARAMS[name].failure.code)];
    if (route.query) expected.push('invalidQuery');
    if (route.body) expected.push(...BODY_FAILURES);
    if (route.headers) expected.push('invalidPrecondition');
    expect(route.errors).toEqual(expect.arrayContaining(expected));
    expect(route.errors.every((code) => (API_ERROR_CODES as readonly string[]).includes(code))).toBe(true);
  });

  it.each(routes)('%s answers at least one success, and a body only where its method sends one', (_name, route) => {
    const statuses = Object.keys(route.answers).map(Number);
    expect(statuses.some((status) => status < 300)).toBe(true);
    if (route.method === 'GET' || route.method === 'DELETE') expect(route.body).toBeUndefined();
  });
});
