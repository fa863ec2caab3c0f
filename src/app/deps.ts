import type { IntroId } from '../domain/ids';
import type { Clock, ConversationStore, IntroStore, NotesStore } from './ports';

/** What the use cases need from the outside world, wired in src/index.ts. */
export interface UseCaseDeps {
  readonly intros: IntroStore;
  readonly notes: NotesStore;
  /** Where the bot reaches people; deleting one's data forgets it. */
  readonly conversations: ConversationStore;
  readonly clock: Clock;
  readonly newIntroId: () => IntroId;
}
