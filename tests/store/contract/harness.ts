import type { NotesKey } from '../../../src/app/ports';
import type { Store } from '../../../src/store/store';

/** The ports a contract test exercises. */
export type StorePorts = Omit<Store, 'close'>;

/** Direct access to the stored notes documents, bypassing the store, as an admin with the files would have. */
export interface RawNotesAccess {
  read(key: NotesKey): Promise<string | undefined>;
  /** Writes a document (e.g. one copied from elsewhere, or a plain one from an earlier version) at `version`. */
  write(key: NotesKey, doc: string, version: number, updatedAt: string): Promise<void>;
}

/** A store opened for one test. */
export interface StoreUnderTest {
  readonly store: StorePorts;
  readonly raw: RawNotesAccess;
  /** Opens another instance on the same data, as a second server would; `close` closes it too. */
  readonly reopen?: () => Promise<StorePorts>;
  readonly close: () => Promise<void>;
}

/** Gives the store of the running test. */
export type Harness = () => StoreUnderTest;

/** A second instance on the same data, or the same instance when the adapter cannot open another. */
export async function secondInstance(h: Harness): Promise<StorePorts> {
  const { reopen, store } = h();
  return reopen ? reopen() : store;
}
