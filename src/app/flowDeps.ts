import type { UseCaseDeps } from './deps';
import type { Calendar, JobStore, Notifier } from './ports';

/** What the bot's flows (schedule, prep, meeting events, recap, share) need on top of the REST use cases. */
export interface FlowDeps extends UseCaseDeps {
  readonly jobs: JobStore;
  readonly calendar: Calendar;
  readonly notifier: Notifier;
}

/** Job kinds the flows schedule; the job runner dispatches on them. */
export const JOB_KINDS = { prepLeader: 'prepLeader', headsUpMember: 'headsUpMember' } as const;
