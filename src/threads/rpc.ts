import { types } from 'node:util';

/** Either end of a thread boundary: a `Worker` seen from the main thread, or `parentPort` seen from the worker. */
export interface ThreadPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** The functions one side serves to the other, by name; each may answer with a value or a promise of one. */
export type Served = Readonly<Record<string, (...args: never[]) => unknown>>;

/** An error as it crosses threads: structured clone keeps neither its class nor its own fields. */
interface SentError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly fields: Record<string, unknown>;
}

type Message =
  | { readonly kind: 'call'; readonly id: number; readonly name: string; readonly args: unknown[] }
  | { readonly kind: 'tell'; readonly name: string; readonly args: unknown[] }
  | { readonly kind: 'reply'; readonly id: number; readonly value: unknown }
  | { readonly kind: 'failure'; readonly id: number; readonly error: SentError };

/** What every message carries besides itself: the sender's clock, when it has one the other side must follow. */
type Stamped = Message & { readonly now?: number };

/** How one side talks to the other. */
interface RpcOptions {
  /** What this side answers. */
  readonly serve: Served;
  /** The time this side's clock reads, sent with every message (the main thread's test clock, for the worker). */
  readonly stamp?: () => number;
  /** Called with the other side's stamp before each of its messages is handled. */
  readonly stamped?: (now: number) => void;
}

/** The other side, reached by name: `call` waits for its answer, `tell` does not. */
export interface RpcPeer {
  call(name: string, ...args: unknown[]): Promise<unknown>;
  tell(name: string, ...args: unknown[]): void;
  /** Fails every call still waiting, with `reason` (the other side has gone). */
  failPending(reason: Error): void;
}

function sendable(err: unknown): SentError {
  if (!(err instanceof Error || types.isNativeError(err))) return { name: 'Error', message: String(err), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

function revived(sent: SentError): Error {
  const err = Object.assign(new Error(sent.message), sent.fields);
  // `name` may be a read-only own field on the original (class fields), so it is defined, not assigned.
  Object.defineProperty(err, 'name', { value: sent.name, enumerable: false, configurable: true, writable: true });
  if (sent.stack) err.stack = sent.stack;
  return err;
}

/** Marks where a function stood in a call's arguments: the callee calls it back by this id. */
const CALLBACK = '\u0000rpcCallback';
/** The name a callback is called by, served by every peer. */
const CALL_BACK = '\u0000callBack';

/** An object literal (of any realm: what a message brings is not of a jest sandbox's realm), not a class instance. */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** Copies `value` with each function (in arrays and plain objects) replaced by a mark `register` gave it. */
function withMarks(value: unknown, register: (fn: (...args: unknown[]) => unknown) => number): unknown {
  if (typeof value === 'function') return { [CALLBACK]: register(value as (...args: unknown[]) => unknown) };
  if (Array.isArray(value)) return value.map((item) => withMarks(item, register));
  if (!isPlain(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withMarks(item, register)]));
}

/** Copies `value` with each mark replaced by a function that calls the marked one back. */
function withCallbacks(value: unknown, callBack: (id: number, args: unknown[]) => Promise<unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => withCallbacks(item, callBack));
  if (!isPlain(value)) return value;
  const id = value[CALLBACK];
  if (typeof id === 'number') return (...args: unknown[]) => callBack(id, args);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withCallbacks(item, callBack)]));
}

/**
 * Calls between two threads over one port, as request and answer messages: each side serves named functions and
 * calls the other's. Values cross by structured clone; a thrown error crosses with its name, message and plain fields;
 * a function passed as an argument (a roster to read from) can be called back until the call it came with settles.
 */
export function rpcPeer(port: ThreadPort, options: RpcOptions): RpcPeer {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  const callbacks = new Map<number, (...args: unknown[]) => unknown>();
  let nextId = 1;
  const post = (message: Message) => port.postMessage(options.stamp ? { ...message, now: options.stamp() } : message);
  const run = (name: string, args: unknown[]): Promise<unknown> => {
    const served =
      name === CALL_BACK
        ? (id: unknown, ...rest: unknown[]) => {
            const callback = callbacks.get(id as number);
            if (!callback) throw new Error('rpc: a function was called back after the call it came with settled');
            return callback(...rest);
          }
        : (options.serve[name] as ((...args: unknown[]) => unknown) | undefined);
    if (!served) return Promise.reject(new Error(`rpc: nothing is served as "${name}"`));
    return new Promise((resolve) => resolve(served(...args)));
  };
  port.on('message', (raw) => {
    const message = raw as Stamped;
    if (message.now !== undefined) options.stamped?.(message.now);
    switch (message.kind) {
      case 'call':
        run(message.name, withCallbacks(message.args, callBack) as unknown[]).then(
          (value) => post({ kind: 'reply', id: message.id, value }),
          (err: unknown) => post({ kind: 'failure', id: message.id, error: sendable(err) }),
        );
        return;
      case 'tell':
        void run(message.name, message.args).catch(() => undefined);
        return;
      case 'reply':
      case 'failure': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.kind === 'reply') waiting?.resolve(message.value);
        else waiting?.reject(revived(message.error));
        return;
      }
    }
  });
  const call = (name: string, args: unknown[]) => {
    const marked: number[] = [];
    const sent = withMarks(args, (fn) => {
      const id = nextId++;
      callbacks.set(id, fn);
      marked.push(id);
      return id;
    }) as unknown[];
    const id = nextId++;
    const answer = new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({ kind: 'call', id, name, args: sent });
    });
    const release = () => marked.forEach((mark) => callbacks.delete(mark));
    answer.then(release, release);
    return answer;
  };
  const callBack = (id: number, args: unknown[]) => call(CALL_BACK, [id, ...args]);
  return {
    call: (name, ...args) => call(name, args),
    tell: (name, ...args) => post({ kind: 'tell', name, args }),
    failPending: (reason) => {
      for (const waiting of pending.values()) waiting.reject(reason);
      pending.clear();
    },
  };
}

/** A typed stand-in for an object the other side serves: each of `names` becomes a call by that name. */
export function remoteObject<T extends object>(peer: RpcPeer, prefix: string, names: readonly (keyof T & string)[]): T {
  return Object.fromEntries(
    names.map((name) => [name, (...args: unknown[]) => peer.call(`${prefix}.${name}`, ...args)]),
  ) as T;
}

/** Serves `names` of `object` as `prefix.name`, called on it (prototype methods included). */
export function servedObject<T extends object>(
  prefix: string,
  object: T,
  names: readonly (keyof T & string)[],
): Served {
  return Object.fromEntries(
    names.map((name) => [
      `${prefix}.${name}`,
      (...args: unknown[]) => (object[name] as (...a: unknown[]) => unknown).apply(object, args),
    ]),
  );
}
