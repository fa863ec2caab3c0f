import { ApiError } from '../../../tab/src/shared/api/errors';
import { fakeApi, followUp, memoryStorage, notes, setup, view } from './notesFakes';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('NotesSync loading', () => {
  it('keeps edits made while the saved notes load, rebased on the server copy, and says when it is loading', async () => {
    const api = fakeApi(view(notes('from the server', [followUp('f1', 'Send slides')]), 4));
    const { sync, store, last } = setup(api);
    const held = api.holdNextGet();
    const starting = sync.start();
    expect(last()?.loading ?? true).toBe(true);
    sync.edit(notes('', [followUp('f2', 'Book a room')]));
    held.resolve(api.server);
    await starting;
    expect(last()?.loading).toBe(false);
    const expected = notes('from the server', [followUp('f2', 'Book a room'), followUp('f1', 'Send slides')]);
    expect(last()?.body).toEqual(expected);
    await jest.advanceTimersByTimeAsync(200);
    expect(api.saves.map((save) => save.ifVersion)).toEqual([4]);
    expect(api.server.followUps.map((item) => item.id)).toEqual(['f2', 'f1']);
    expect(store.load()).toBeUndefined();
    expect(last()?.status).toBe('saved');
  });

  it('picks up edits another surface kept while this one was loading', async () => {
    const api = fakeApi(view(notes('a'), 1));
    const { sync, store, last } = setup(api);
    const held = api.holdNextGet();
    const starting = sync.start();
    store.save({ base: notes('a'), baseVersion: 1, local: notes('a, typed in the other surface') });
    held.resolve(api.server);
    await starting;
    expect(api.server.text.goals).toBe('a, typed in the other surface');
    expect(last()?.status).toBe('saved');
  });

  it('shows the server copy when nothing is pending', async () => {
    const api = fakeApi(view(notes('saved'), 2));
    const { sync, last } = setup(api);
    await sync.start();
    expect(last()).toMatchObject({ status: 'idle', loading: false, body: notes('saved') });
    expect(api.saves).toEqual([]);
  });

  it('drops a pending copy of notes deleted since (server back at version 0) instead of resurrecting them', async () => {
    const { sync, store, api, last } = setup(fakeApi());
    store.save({ base: notes('old'), baseVersion: 3, local: notes('old and more') });
    await sync.start();
    expect(api.saves).toEqual([]);
    expect(store.load()).toBeUndefined();
    expect(last()?.body).toEqual(notes(''));
  });

  it('does not resend what a keepalive save already stored (server copy equals the pending copy)', async () => {
    const api = fakeApi(view(notes('sent as the panel closed'), 5));
    const { sync, store, last } = setup(api);
    store.save({ base: notes('before'), baseVersion: 4, local: notes('sent as the panel closed') });
    await sync.start();
    expect(api.saves).toEqual([]);
    expect(store.load()).toBeUndefined();
    expect(last()?.status).toBe('saved');
  });
});

describe('NotesSync merging after a 412', () => {
  it('keeps a follow-up marked done in History when the panel saves its old copy', async () => {
    const api = fakeApi(view(notes('', [followUp('f1', 'Send slides')]), 1));
    const { sync } = setup(api);
    await sync.start();
    api.server = view(notes('', [followUp('f1', 'Send slides', true)]), 2);
    sync.edit(notes('typed in the panel', [followUp('f1', 'Send slides')]));
    await jest.advanceTimersByTimeAsync(200);
    expect(api.server.followUps).toEqual([followUp('f1', 'Send slides', true)]);
    expect(api.server.text.goals).toBe('typed in the panel');
    expect(api.saves.map((save) => save.ifVersion)).toEqual([1, 2]);
  });
});

describe('NotesSync when the panel closes', () => {
  it('sends unsent edits with keepalive on dispose, and clears them once confirmed', async () => {
    const { sync, api, store } = setup();
    await sync.start();
    sync.edit(notes('typed just before closing'));
    sync.dispose();
    await jest.advanceTimersByTimeAsync(0);
    expect(api.saves).toEqual([
      { body: notes('typed just before closing'), ifVersion: 0, options: { keepalive: true } },
    ]);
    expect(store.load()).toBeUndefined();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(api.saves).toHaveLength(1);
  });

  it('sends nothing on dispose when everything is saved', async () => {
    const { sync, api } = setup();
    await sync.start();
    sync.dispose();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(api.saves).toEqual([]);
  });

  it('sends the latest copy with keepalive when the page goes away during a save', async () => {
    const { sync, api } = setup();
    await sync.start();
    sync.edit(notes('first'));
    await jest.advanceTimersByTimeAsync(100);
    sync.edit(notes('second'));
    // A save of 'second' is on its way when the page goes away: the keepalive copy goes out on its own.
    const first = sync.flush();
    const leaving = sync.flush({ keepalive: true });
    await Promise.all([first, leaving]);
    expect(api.saves.at(-1)).toMatchObject({ body: notes('second'), options: { keepalive: true } });
  });
});

describe('NotesSync failures', () => {
  it('treats a sign-in failure as needing the person, keeps the edits and retries slowly', async () => {
    const { sync, api, store, last } = setup();
    await sync.start();
    api.failWith = new ApiError(0, 'signIn', 'Consent required');
    sync.edit(notes('kept'));
    await jest.advanceTimersByTimeAsync(100);
    expect(last()?.status).toBe('signInNeeded');
    expect(last()?.message).toContain('Consent required');
    expect(store.load()?.local).toEqual(notes('kept'));
    const attempts = api.saves.length;
    await jest.advanceTimersByTimeAsync(30_000);
    expect(api.saves).toHaveLength(attempts);
    api.failWith = undefined;
    await jest.advanceTimersByTimeAsync(30_000);
    expect(api.saves).toHaveLength(attempts + 1);
    expect(last()).toMatchObject({ status: 'saved', message: undefined });
    expect(store.load()).toBeUndefined();
  });

  it('treats a 401 that survived the token refresh the same way', async () => {
    const { sync, api, last } = setup();
    api.failWith = new ApiError(401, 'unauthorized', 'Token rejected');
    await sync.start();
    expect(last()?.status).toBe('signInNeeded');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(api.gets).toBe(1);
  });

  it('retries an unreachable server with backoff and says offline', async () => {
    const { sync, api, last } = setup();
    api.failWith = new ApiError(0, 'offline', 'Cannot reach');
    await sync.start();
    expect(last()?.status).toBe('offline');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(api.gets).toBe(2);
  });
});

describe('NotesSync with two surfaces on one device', () => {
  it('clears the kept edits after a save only if they are what was sent', async () => {
    const { sync, api, store } = setup();
    await sync.start();
    sync.edit(notes('from the side panel'));
    const originalSave = api.saveNotes;
    api.saveNotes = async (...args) => {
      // The meeting details tab keeps newer edits under the same key while the side panel's save is on its way.
      store.save({ base: notes(''), baseVersion: 0, local: notes('from the details tab') });
      return originalSave(...args);
    };
    await jest.advanceTimersByTimeAsync(100);
    expect(api.server.text.goals).toBe('from the side panel');
    expect(store.load()?.local).toEqual(notes('from the details tab'));
  });

  it("adopts the other surface's kept edits when it has none of its own", async () => {
    const storage = memoryStorage();
    const { sync, store, last } = setup(fakeApi(), storage);
    await sync.start();
    store.save({ base: notes(''), baseVersion: 0, local: notes('from the details tab') });
    sync.adoptStored();
    expect(last()?.body).toEqual(notes('from the details tab'));
  });

  it('ignores the other surface while it has unsent edits of its own', async () => {
    const { sync, store, last } = setup();
    await sync.start();
    sync.edit(notes('mine'));
    store.save({ base: notes(''), baseVersion: 0, local: notes('theirs') });
    sync.adoptStored();
    expect(last()?.body).toEqual(notes('mine'));
  });
});
