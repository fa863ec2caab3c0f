import type { Storage } from 'botbuilder';
import type { ConversationStore, IntroStore, JobStore, NotesStore, StoreHealth } from '../app/ports';

/** Every store port one adapter provides, plus botbuilder turn state and a way to let go of its resources. */
export interface Store {
  readonly intros: IntroStore;
  readonly notes: NotesStore;
  readonly conversations: ConversationStore;
  readonly jobs: JobStore;
  /** botbuilder's Storage with eTag optimistic concurrency, as MemoryStorage behaves. */
  readonly botStorage: Storage;
  readonly health: StoreHealth;
  close(): void;
}
