import type { IntroId } from '../domain/ids';
import type { Clock, ConversationStore, IntroStore, MeetingRoster, NotesStore, TeamPlanStore } from './ports';

/** What the use cases need from the outside world, wired in src/index.ts. */
export interface UseCaseDeps {
  readonly intros: IntroStore;
  readonly notes: NotesStore;
  /** Where the bot reaches people; deleting one's data forgets it. */
  readonly conversations: ConversationStore;
  /** Leaders' team plans; deleting one's data forgets the plans one made. */
  readonly teamPlans: TeamPlanStore;
  readonly clock: Clock;
  /** Confirms that whoever sets up or joins a meeting's intro takes part in that meeting. */
  readonly roster: MeetingRoster;
  /**
   * Refuse when the roster cannot confirm participation (`unknown`): on with a bot id (real Teams), so production
   * never trusts the client's meeting id; off locally, where no bot knows the meeting.
   */
  readonly requireConfirmedParticipant: boolean;
  readonly newIntroId: () => IntroId;
}
