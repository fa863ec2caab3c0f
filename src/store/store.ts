import type { Storage } from 'botbuilder';
import type {
  ConversationStore,
  DataKeyStore,
  IntroStore,
  JobStore,
  KeyWrapper,
  StoreHealth,
  TeamPlanStore,
} from '../app/ports';
import type { KeyCacheOptions } from '../crypto/dataKeyring';
import type { EncryptedNotesStore } from './encryptedNotes';

/** Every store port one adapter provides, plus botbuilder turn state and a way to let go of its resources. */
export interface Store {
  readonly intros: IntroStore;
  /** Notes sealed at rest with each author's data key; deleting all of an author's notes destroys that key. */
  readonly notes: Omit<EncryptedNotesStore, 'sealPlainRows'>;
  /** The authors' wrapped data keys (for rewrapping after a KEK rotation). */
  readonly dataKeys: DataKeyStore;
  readonly conversations: ConversationStore;
  readonly jobs: JobStore;
  /** Installed teams and each leader's team plans; deleting a leader's plans leaves no copy behind, as for notes. */
  readonly teamPlans: TeamPlanStore;
  /** botbuilder's Storage with eTag optimistic concurrency, as MemoryStorage behaves. */
  readonly botStorage: Storage;
  readonly health: StoreHealth;
  /** Seals notes written in plain by earlier versions and scrubs their plain text; returns how many it sealed. */
  upgrade(): Promise<number>;
  /** Settles once every connection to the data is closed (a restore may then hold the file). */
  close(): Promise<void>;
}

/** How a store encrypts notes: the KEK's wrapper, and how long unwrapped data keys stay in memory. */
export interface StoreKeyOptions {
  readonly keys?: KeyWrapper;
  readonly keyCache?: KeyCacheOptions;
}
