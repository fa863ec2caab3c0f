import { EventEmitter } from 'node:events';
import type { Response } from 'restify';
import type { Caller } from '../../../src/app/caller';
import type { HttpDeps, LoggedRequest } from '../../../src/http/context';
import type { RouteInput } from '../../../src/http/route';
import { sessionEventsRoute, type LiveDeps } from '../../../src/http/routes/sessionEvents';
import { sessionStreams } from '../../../src/http/sessionStreams';

/**
 * The stream route on its own, with the session read held open by the test: a client that goes away while the
 * first read is pending must leave nothing held or subscribed behind (the integration tests cannot time that).
 */
const CALLER = { userId: 'leader-1', tenantId: 'tenant-1', name: 'Lee Leader' } as unknown as Caller;
const INTRO = { id: 'intro-1', tenantId: 'tenant-1', leader: { id: 'leader-1' } };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function fakeResponse() {
  const res = new EventEmitter() as EventEmitter & Record<string, jest.Mock>;
  for (const name of ['write', 'end', 'writeHead', 'flushHeaders', 'header']) res[name] = jest.fn();
  return res;
}

function setUp() {
  const read = deferred<typeof INTRO>();
  const streams = sessionStreams();
  const unsubscribe = jest.fn();
  const subscribe = jest.fn(() => unsubscribe);
  const live: LiveDeps = { changes: { subscribe } as unknown as LiveDeps['changes'], streams, sharing: () => true };
  const useCases = {
    now: () => 1_000,
    getSession: async () => {
      const intro = await read.promise;
      return { ok: true, value: { intro, session: { value: { status: 'idle' }, version: 3 }, now: 1_000 } };
    },
  };
  const deps = { useCases, live } as unknown as HttpDeps & { live: LiveDeps };
  const res = fakeResponse();
  const fail = jest.fn();
  const req = { headers: {}, logger: { warn: jest.fn() } } as unknown as LoggedRequest;
  const input = { req, res: res as unknown as Response, caller: CALLER, params: { id: INTRO.id }, fail };
  const running = sessionEventsRoute(input as unknown as RouteInput<'sessionEvents'>, deps);
  return { read, streams, subscribe, unsubscribe, res, fail, running };
}

describe('the session stream route', () => {
  it('holds nothing when the client went away while the session was being read', async () => {
    const { read, streams, subscribe, res, fail, running } = setUp();
    res.emit('close');
    read.resolve(INTRO);
    await running;
    expect(streams.size).toBe(0);
    expect(subscribe).not.toHaveBeenCalled();
    expect(res['writeHead']).not.toHaveBeenCalled();
    expect(fail).not.toHaveBeenCalled();
  });

  it('holds and subscribes an open stream, and lets both go when the client leaves', async () => {
    const { read, streams, subscribe, unsubscribe, res, running } = setUp();
    read.resolve(INTRO);
    await running;
    expect(streams.size).toBe(1);
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(res['write']).toHaveBeenCalledWith(expect.stringContaining('id: 3\nevent: session\n'));
    res.emit('close');
    expect(streams.size).toBe(0);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(res['end']).toHaveBeenCalled();
  });
});
