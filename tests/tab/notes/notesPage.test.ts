import { ApiError, isSignInProblem, isTransient } from '../../../tab/src/shared/api/errors';
import { createApiClient } from '../../../tab/src/shared/api/client';
import { withDeviceCleanup } from '../../../tab/src/history/forgetKept';
import { flushOtherIntros, resetOtherIntros } from '../../../tab/src/notes/otherIntros';
import { watchPage } from '../../../tab/src/notes/pageEvents';
import { pendingKey, pendingStore } from '../../../tab/src/notes/pendingStore';
import { fakeApi, memoryStorage, notes, view } from './notesFakes';

describe('which failures are transient', () => {
  it.each([
    ['unreachable', new ApiError(0, 'offline', 'x'), true, false],
    ['server error', new ApiError(503, 'http503', 'x'), true, false],
    ['token not given', new ApiError(0, 'signIn', 'x'), false, true],
    ['401 after the refresh', new ApiError(401, 'unauthorized', 'x'), false, true],
    ['forbidden', new ApiError(403, 'forbidden', 'x'), false, false],
  ])('%s', (_name, error, transient, signIn) => {
    expect([isTransient(error), isSignInProblem(error)]).toEqual([transient, signIn]);
  });
});

describe('watching the page', () => {
  function page(visibilityState = 'visible') {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState });
    const sync = { flush: jest.fn(async () => undefined), adoptStored: jest.fn() };
    const stop = watchPage(sync, win, doc, 'the-key');
    return { win, doc, sync, stop };
  }

  it('sends with keepalive on pagehide and when hidden, plainly when online again', () => {
    const { win, doc, sync } = page();
    win.dispatchEvent(new Event('pagehide'));
    win.dispatchEvent(new Event('online'));
    doc.dispatchEvent(new Event('visibilitychange'));
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(sync.flush.mock.calls).toEqual([[{ keepalive: true }], [], [{ keepalive: true }]]);
  });

  it('adopts storage changes under its own key only, and stops watching', () => {
    const { win, sync, stop } = page();
    win.dispatchEvent(Object.assign(new Event('storage'), { key: 'another-key' }));
    win.dispatchEvent(Object.assign(new Event('storage'), { key: 'the-key' }));
    expect(sync.adoptStored).toHaveBeenCalledTimes(1);
    stop();
    win.dispatchEvent(new Event('pagehide'));
    win.dispatchEvent(Object.assign(new Event('storage'), { key: 'the-key' }));
    expect(sync.flush).not.toHaveBeenCalled();
    expect(sync.adoptStored).toHaveBeenCalledTimes(1);
  });
});

describe("sending a person's edits left for other intros", () => {
  beforeEach(() => resetOtherIntros());

  it('sends them, merged, for the same tenant and user only, and clears them', async () => {
    const storage = memoryStorage();
    const keep = (userId: string, introId: string, text: string) =>
      pendingStore(storage, { tenantId: 't', userId, introId }).save({
        base: notes(''),
        baseVersion: 0,
        local: notes(text),
      });
    keep('u', 'open-now', 'the open editor sends this itself');
    keep('u', 'closed-offline', 'left behind');
    keep('someone-else', 'closed-offline', 'not mine');
    const api = fakeApi(view(notes(''), 0));
    await flushOtherIntros(api, storage, { tenantId: 't', userId: 'u', introId: 'open-now' });
    expect(api.saves.map((save) => save.body.text.goals)).toEqual(['left behind']);
    expect([...storage.map.keys()].sort()).toEqual([
      pendingKey({ tenantId: 't', userId: 'someone-else', introId: 'closed-offline' }),
      pendingKey({ tenantId: 't', userId: 'u', introId: 'open-now' }),
    ]);
    await flushOtherIntros(api, storage, { tenantId: 't', userId: 'u', introId: 'open-now' });
    expect(api.saves).toHaveLength(1);
  });
});

describe('deleting notes in History deletes the copies kept on this device', () => {
  function history() {
    const storage = memoryStorage();
    for (const [userId, introId] of [
      ['me', 'i1'],
      ['me', 'i2'],
      ['other', 'i1'],
    ] as const)
      pendingStore(storage, { tenantId: 't', userId, introId }).save({
        base: notes('old'),
        baseVersion: 0,
        local: notes('secret'),
      });
    const calls: string[] = [];
    const client = createApiClient({
      getToken: async () => 'tok',
      fetch: async (input, init) => {
        calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
        if (String(input).endsWith('/me')) return Response.json({ userId: 'me', tenantId: 't', name: 'Me' });
        return new Response(null, { status: 204 });
      },
    });
    const api = withDeviceCleanup(client, storage);
    const keys = () => [...storage.map.keys()].map((key) => key.split(':').slice(2).join(':')).sort();
    return { api, calls, keys };
  }

  it("removes the caller's kept edits for that intro only", async () => {
    const { api, calls, keys } = history();
    await api.deleteNotes('i1');
    expect(keys()).toEqual(['me:i2', 'other:i1']);
    expect(calls).toEqual(['DELETE /api/v1/intros/i1/notes', 'GET /api/v1/me']);
  });

  it("removes all the caller's kept edits on delete-all, not other people's", async () => {
    const { api, keys } = history();
    await api.deleteMyData();
    expect(keys()).toEqual(['other:i1']);
  });
});
