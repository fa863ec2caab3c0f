/** The part of `localStorage` the tab keeps things in. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** The key at an index, to list keys (as `Storage.key`); optional so plain maps can stand in. */
  key?(index: number): string | null;
  readonly length?: number;
}

/** The browser's localStorage, or undefined where it is blocked (private mode, a sandboxed frame). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage;
  } catch {
    return undefined;
  }
}

/** What follows `prefix` in every stored key that starts with it (e.g. the intro ids kept for one person). */
export function keysAfter(storage: KeyValueStorage | undefined, prefix: string): string[] {
  const found: string[] = [];
  try {
    for (let index = 0; storage?.key && index < (storage.length ?? 0); index++) {
      const key = storage.key(index);
      if (key?.startsWith(prefix)) found.push(key.slice(prefix.length));
    }
  } catch {
    // Storage that cannot be listed holds nothing we can find.
  }
  return found;
}
