import { emptyNotesBody } from '../../../../src/domain/notes';
import { ApiError, createApiClient, isOffline, isTransient } from '../../../../tab/src/shared/api/client';
import { validateResponse } from '../../../../tab/src/shared/api/responseSchemas';

const INTRO = '6f1f7a9e-3c55-4f7e-9d1a-2b0c8e4d5a61';
const notesView = (version: number) => ({
  ...emptyNotesBody(),
  introId: INTRO,
  version,
  updatedAt: '2026-11-30T09:00:00.000Z',
});
const json = (status: number, body: unknown) => Response.json(body, { status });

/** A client on a scripted fetch, with answers checked against the contract as in development. */
function client(answers: Array<Response | Error>, tokens = ['t1', 't2', 't3']) {
  const calls: { url: string; init: RequestInit }[] = [];
  const tokenCalls: string[] = [];
  const api = createApiClient({
    getToken: async () => {
      const token = tokens.shift() ?? 'none';
      tokenCalls.push(token);
      return token;
    },
    loadValidator: async () => validateResponse,
    fetch: async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      const answer = answers.shift();
      if (!answer || answer instanceof Error) throw answer ?? new TypeError('no answer');
      return answer;
    },
  });
  const bearers = () => calls.map((call) => (call.init.headers as Record<string, string>).Authorization);
  return { api, calls, tokenCalls, bearers };
}

describe('the tab API client', () => {
  it('gets a fresh token once on 401 and retries once', async () => {
    const { api, bearers } = client([json(401, {}), json(200, { userId: 'u', tenantId: 't', name: 'U' })]);
    await expect(api.me()).resolves.toEqual({ userId: 'u', tenantId: 't', name: 'U' });
    expect(bearers()).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('reports a 401 that survives the refresh as a sign-in problem, without a third try', async () => {
    const unauthorized = { error: { code: 'unauthorized', message: 'Sign in again.' } };
    const { api, calls } = client([json(401, unauthorized), json(401, unauthorized)]);
    await expect(api.getNotes('i1')).rejects.toEqual(new ApiError(401, 'unauthorized', 'Sign in again.'));
    expect(calls).toHaveLength(2);
  });

  it('answers a 412 with the newer copy, sending If-Match', async () => {
    const conflict = { error: { code: 'versionConflict', message: 'Changed elsewhere.' }, current: notesView(7) };
    const { api, calls } = client([json(412, conflict)]);
    await expect(api.saveNotes('i1', emptyNotesBody(), 3)).resolves.toEqual({ ok: false, current: notesView(7) });
    expect(calls[0]?.init).toMatchObject({ method: 'PUT', headers: { 'If-Match': '"3"' } });
  });

  it('maps an unreachable server to a transient offline error', async () => {
    const { api } = client([new TypeError('Failed to fetch')]);
    const error: unknown = await api.listHistory().catch((failure: unknown) => failure);
    expect([isOffline(error), isTransient(error)]).toEqual([true, true]);
  });

  it("reads the server's error code, message and field", async () => {
    const { api } = client([json(400, { error: { code: 'invalidBody', message: 'Too long.', field: 'text.goals' } })]);
    await expect(api.saveNotes('i1', emptyNotesBody(), 1)).rejects.toEqual(
      new ApiError(400, 'invalidBody', 'Too long.', 'text.goals'),
    );
  });

  it('refuses an answer that does not match the contract', async () => {
    const { api } = client([json(200, { userId: 'u' })]);
    await expect(api.me()).rejects.toMatchObject({
      code: 'invalidResponse',
      message: expect.stringContaining('tenantId'),
    });
  });

  it('turns a 304 poll into the server time, without reading a body', async () => {
    const { api, calls } = client([new Response(null, { status: 304, headers: { 'X-Server-Now': '1234' } })]);
    await expect(api.pollSession('i1', 5)).resolves.toMatchObject({ changed: false, serverNow: 1234 });
    expect(calls[0]?.init.headers).toMatchObject({ 'If-None-Match': '"5"' });
  });
});
