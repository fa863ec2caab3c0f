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

/** Where a function stood in a call's arguments (a path of keys), and the id it is called back by. */
interface CallbackMark {
  readonly path: readonly (string | number)[];
  readonly id: number;
}

type Message =
  | {
      readonly kind: 'call';
      readonly id: number;
      readonly name: string;
      readonly args: unknown[];
      readonly callbacks: readonly CallbackMark[];
    }
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
  /** The other side has gone: every call waiting fails with `reason`, and so does every call from now on. */
  close(reason: Error): void;
}

function sendable(err: unknown): SentError {
  // Duck-typed: an error may come from another realm (a jest sandbox) or be a DOMException (DataCloneError).
  const errorLike = typeof err === 'object' && err !== null && typeof (err as Error).message === 'string';
  if (!errorLike) return { name: 'Error', message: String(err), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  const { name, message, stack } = err as Error;
  // Only strings and plain values, so the failure itself always crosses.
  return { name: typeof name === 'string' ? name : 'Error', message, stack: String(stack ?? ''), fields };
}

function revived(sent: SentError): Error {
  const err = Object.assign(new Error(sent.message), sent.fields);
  // `name` may be a read-only own field on the original (class fields), so it is defined, not assigned.
  Object.defineProperty(err, 'name', { value: sent.name, enumerable: false, configurable: true, writable: true });
  if (sent.stack) err.stack = sent.stack;
  return err;
}

/** The name a call-back is called by, served by every peer. */
const CALL_BACK = '\u0000callBack';

/** An object literal (of any realm: what a message brings is not of a jest sandbox's realm), not a class instance. */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

type Fn = (...args: unknown[]) => unknown;

/**
 * Copies `value` with each function (in arrays and plain objects) left out, and `found` told where it stood. The
 * places travel beside the values, never inside them, so no data can pass for a function.
 */
function withoutFunctions(
  value: unknown,
  path: (string | number)[],
  found: (path: (string | number)[], fn: Fn) => void,
  within: readonly unknown[] = [],
): unknown {
  if (typeof value === 'function') {
    found(path, value as Fn);
    return null;
  }
  if (!Array.isArray(value) && !isPlain(value)) return value;
  if (within.includes(value)) throw new TypeError('rpc: an argument that contains itself cannot cross threads');
  const inner = [...within, value];
  if (Array.isArray(value)) return value.map((item, index) => withoutFunctions(item, [...path, index], found, inner));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withoutFunctions(item, [...path, key], found, inner)]),
  );
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Puts back, at each marked place of `args`, a function that calls the caller's one back. */
function placeCallbacks(
  args: unknown[],
  marks: readonly CallbackMark[],
  callBack: (id: number, args: unknown[]) => unknown,
): unknown[] {
  for (const { path, id } of marks) {
    let node: unknown = args;
    path.forEach((key, index) => {
      const container = node as Record<string | number, unknown>;
      const isContainer = Array.isArray(node) || isPlain(node);
      if (!isContainer || UNSAFE_KEYS.has(String(key)) || !Object.hasOwn(container, key)) {
        throw new TypeError('rpc: a call-back mark points nowhere in the arguments');
      }
      if (index < path.length - 1) node = container[key];
      else container[key] = (...rest: unknown[]) => callBack(id, rest);
    });
  }
  return args;
}

/**
 * Calls between two threads over one port, as request and answer messages: each side serves named functions and
 * calls the other's. Values cross by structured clone; a thrown error crosses with its name, message and plain fields;
 * a function passed as an argument (a roster to read from) can be called back until the call it came with settles.
 */
export function rpcPeer(port: ThreadPort, options: RpcOptions): RpcPeer {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  const callbacks = new Map<number, Fn>();
  let nextId = 1;
  let closed: Error | undefined;
  const post = (message: Message) => port.postMessage(options.stamp ? { ...message, now: options.stamp() } : message);
  const served = (name: string): Fn | undefined => {
    if (name !== CALL_BACK) return options.serve[name] as Fn | undefined;
    return (id, ...rest) => {
      const callback = callbacks.get(id as number);
      if (!callback) throw new Error('rpc: a function was called back after the call it came with settled');
      return callback(...rest);
    };
  };
  const run = (name: string, args: unknown[]): Promise<unknown> => {
    const fn = served(name);
    if (!fn) return Promise.reject(new Error(`rpc: nothing is served as "${name}"`));
    return new Promise((resolve) => resolve(fn(...args)));
  };
  // An answer that cannot be cloned (a function, a class with private state) fails the call instead of the thread.
  const answer = (id: number, outcome: Promise<unknown>) =>
    outcome
      .then((value) => post({ kind: 'reply', id, value }))
      .catch((err: unknown) => post({ kind: 'failure', id, error: sendable(err) }))
      .catch(() => undefined); // the failure is strings only: nothing is left that could fail to cross

  port.on('message', (raw) => {
    const message = raw as Stamped;
    if (message.now !== undefined) options.stamped?.(message.now);
    switch (message.kind) {
      case 'call':
        void answer(
          message.id,
          Promise.resolve().then(() => run(message.name, placeCallbacks(message.args, message.callbacks, callBack))),
        );
        return;
      case 'tell':
        // Nobody waits for a told function: reporting its failure is its own business.
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

  const call = (name: string, args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(closed);
    const marks: CallbackMark[] = [];
    const release = () => marks.forEach((mark) => callbacks.delete(mark.id));
    const id = nextId++;
    const settled = new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        const sent = withoutFunctions(args, [], (path, fn) => {
          const mark = nextId++;
          callbacks.set(mark, fn);
          marks.push({ path, id: mark });
        }) as unknown[];
        post({ kind: 'call', id, name, args: sent, callbacks: marks });
      } catch (err) {
        pending.delete(id);
        reject(err as Error);
      }
    });
    settled.then(release, release);
    return settled;
  };
  const callBack = (id: number, args: unknown[]) => call(CALL_BACK, [id, ...args]);
  return {
    call: (name, ...args) => call(name, args),
    tell: (name, ...args) => post({ kind: 'tell', name, args }),
    close: (reason) => {
      closed = reason;
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
