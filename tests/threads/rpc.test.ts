import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { StorageRefusedError } from '../../src/app/storageRefused';
import { remoteObject, rpcPeer, servedObject, type Served } from '../../src/threads/rpc';

/** Two peers over a real MessageChannel, as a worker and the main thread talk. */
function pair(serveA: Served, serveB: Served, stamps: { a?: () => number; seenByB?: (now: number) => void } = {}) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const a = rpcPeer(port1, { serve: serveA, stamp: stamps.a });
  const b = rpcPeer(port2, { serve: serveB, stamped: stamps.seenByB });
  return { a, b };
}
const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((port) => port.close()));

describe('calls between threads', () => {
  it('answers with what the other side served, structured-cloned', async () => {
    const { a } = pair({}, { add: (x: number, y: number) => x + y, when: async () => ({ at: new Date(5), ids: [1] }) });
    await expect(a.call('add', 2, 3)).resolves.toBe(5);
    const when = (await a.call('when')) as { at: Date; ids: number[] };
    expect(when.at.getTime()).toBe(5);
    expect(when.ids).toEqual([1]);
  });

  it('brings a thrown error back with its name, message and plain fields', async () => {
    const { a } = pair(
      {},
      {
        refuse: () => {
          throw new StorageRefusedError('full', 'SQLITE_FULL');
        },
      },
    );
    const err = (await a.call('refuse').catch((caught: unknown) => caught)) as Error & Record<string, unknown>;
    expect(err.name).toBe('StorageRefusedError');
    expect(err.message).toMatch(/disk under the store is full/);
    expect(err['problem']).toBe('full');
    expect(err['detail']).toBe('SQLITE_FULL');
  });

  it('says which name nothing is served under', async () => {
    const { a } = pair({}, {});
    await expect(a.call('missing')).rejects.toThrow('nothing is served as "missing"');
  });

  it('lets the callee call back a function passed in, until the call settles', async () => {
    let kept: (() => Promise<unknown>) | undefined;
    const { a } = pair(
      {},
      {
        plan: async (roster: { members: (page: number) => Promise<string[]> }) => {
          kept = () => roster.members(9);
          return [...(await roster.members(1)), ...(await roster.members(2))];
        },
      },
    );
    const asked: number[] = [];
    const roster = { members: async (page: number) => (asked.push(page), [`p${page}`]) };
    await expect(a.call('plan', roster)).resolves.toEqual(['p1', 'p2']);
    expect(asked).toEqual([1, 2]);
    // Released once the call is answered: a late call back reaches nothing.
    await expect(kept?.()).rejects.toThrow('called back after the call it came with settled');
    expect(asked).toEqual([1, 2]);
  });

  it('hands the receiver the sender’s clock before it handles each message', async () => {
    let clock = 1000;
    const seen: number[] = [];
    let latest = 0;
    const { a } = pair(
      {},
      { now: () => latest },
      {
        a: () => clock,
        seenByB: (now) => {
          seen.push(now);
          latest = now;
        },
      },
    );
    await expect(a.call('now')).resolves.toBe(1000);
    clock = 2500;
    await expect(a.call('now')).resolves.toBe(2500);
    expect(seen).toEqual([1000, 2500]);
  });

  it('fails every waiting call when told the other side has gone, and tells without waiting', async () => {
    const told: string[] = [];
    const { a } = pair({}, { never: () => new Promise(() => undefined), note: (text: string) => told.push(text) });
    const waiting = a.call('never');
    a.close(new Error('The bot thread stopped.'));
    await expect(waiting).rejects.toThrow('The bot thread stopped.');
    a.tell('note', 'hello');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(told).toEqual(['hello']);
  });

  it('serves an object’s methods by name and calls them on a stand-in on the other side', async () => {
    class Store {
      private readonly rows = new Map<string, string>();
      async save(key: string, value: string) {
        this.rows.set(key, value);
      }
      async get(key: string) {
        return this.rows.get(key);
      }
    }
    const { a } = pair({}, servedObject('store', new Store(), ['save', 'get']));
    const store = remoteObject<Store>(a, 'store', ['save', 'get']);
    await store.save('k', 'v');
    await expect(store.get('k')).resolves.toBe('v');
  });
});

describe('calls between threads, when something goes wrong', () => {
  it('fails a call whose answer cannot cross, and goes on answering', async () => {
    const { a } = pair({}, { handle: () => ({ run: () => undefined }), ping: () => 'pong' });
    await expect(a.call('handle')).rejects.toMatchObject({ name: 'DataCloneError' });
    await expect(a.call('ping')).resolves.toBe('pong');
  });

  it('fails a call whose arguments cannot cross, leaving nothing waiting', async () => {
    const { a } = pair({}, { take: () => 'taken' });
    await expect(a.call('take', Symbol('not clonable'))).rejects.toThrow();
    await expect(a.call('take')).resolves.toBe('taken');
  });

  it('finds functions nested in arrays and objects, and keeps data that merely looks like a place', async () => {
    const { a } = pair(
      {},
      {
        use: async (args: { steps: { run: () => Promise<number> }[]; data: { path: string[]; id: number } }) => [
          await args.steps[0]!.run(),
          typeof args.data,
          args.data.path,
        ],
      },
    );
    const result = await a.call('use', { steps: [{ run: async () => 7 }], data: { path: ['steps'], id: 1 } });
    expect(result).toEqual([7, 'object', ['steps']]);
  });

  it('refuses every call once closed', async () => {
    const { a } = pair({}, { ping: () => 'pong' });
    a.close(new Error('gone'));
    await expect(a.call('ping')).rejects.toThrow('gone');
  });

  it('refuses an argument that contains itself, and goes on answering', async () => {
    const { a } = pair({}, { ping: () => 'pong' });
    const looped: Record<string, unknown> = { run: () => undefined };
    looped['self'] = looped;
    await expect(a.call('ping', looped)).rejects.toThrow('contains itself');
    await expect(a.call('ping')).resolves.toBe('pong');
  });

  it('fails only the call whose call-back mark points outside its arguments, touching no prototype', async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    rpcPeer(port2, { serve: { take: () => 'taken' } });
    const answers: unknown[] = [];
    port1.on('message', (message) => answers.push(message));
    const forged = {
      kind: 'call',
      id: 1,
      name: 'take',
      args: [{}],
      callbacks: [{ path: [0, '__proto__', 'x'], id: 9 }],
    };
    port1.postMessage(forged);
    port1.postMessage({ ...forged, id: 2, callbacks: [] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const byId = (message: unknown) => (message as { id: number }).id;
    expect(answers.sort((x, y) => byId(x) - byId(y))).toEqual([
      expect.objectContaining({ kind: 'failure', id: 1 }),
      expect.objectContaining({ kind: 'reply', id: 2, value: 'taken' }),
    ]);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
