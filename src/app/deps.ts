import type { IntroId } from '../domain/ids';
import type { Clock, IntroStore, NotesStore } from './ports';

/** What the use cases need from the outside world, wired in src/index.ts. */
export interface UseCaseDeps {
  readonly intros: IntroStore;
  readonly notes: NotesStore;
  readonly clock: Clock;
  readonly newIntroId: () => IntroId;
}
