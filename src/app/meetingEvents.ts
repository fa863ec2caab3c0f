import type { MeetingKey, TenantId, UserId } from '../domain/ids';
import type { Intro } from '../domain/intro';
import { applyAction } from '../domain/session';
import type { FlowDeps } from './flowDeps';
import { changeIntro } from './introUpdates';
import { recapOf } from './recap';

/** What Teams tells the bot about a meeting that starts or ends. */
export interface MeetingEvent {
  readonly tenantId: TenantId;
  readonly meetingId: MeetingKey;
  readonly joinUrl?: string;
  /** ISO 8601, when Teams gives it. */
  readonly startTime?: string;
  /** The Entra id of the user the event came from, when it is one. */
  readonly userId?: UserId;
}

const MATCH_WINDOW_MS = 30 * 60_000;

/**
 * Finds the intro held in the meeting: by meeting id, else (and then links it) by the join URL of one of the
 * user's intros, else by the one intro the user leads that is scheduled within 30 minutes of the meeting's start.
 */
async function introForMeeting(deps: FlowDeps, event: MeetingEvent): Promise<Intro | undefined> {
  const linked = await deps.intros.findByMeeting(event.tenantId, event.meetingId);
  if (linked || !event.userId) return linked;
  const { items } = await deps.intros.listForUser(event.tenantId, event.userId, { limit: 20 });
  const start = event.startTime ? Date.parse(event.startTime) : deps.clock.now();
  const byUrl = event.joinUrl ? items.find((intro) => intro.meeting?.joinUrl === event.joinUrl) : undefined;
  const near = items.filter(
    (intro) =>
      intro.leader.id === event.userId &&
      intro.status === 'scheduled' &&
      !intro.meeting?.meetingId &&
      Math.abs(Date.parse(intro.scheduledStart ?? '') - start) <= MATCH_WINDOW_MS,
  );
  const found = byUrl ?? (near.length === 1 ? near[0] : undefined);
  if (!found) return undefined;
  const withMeeting = await changeIntro(deps.intros, found.tenantId, found.id, (current) =>
    current.meeting?.meetingId === event.meetingId
      ? undefined
      : { ...current, meeting: { ...current.meeting, meetingId: event.meetingId } },
  );
  return withMeeting.ok ? withMeeting.value.intro : undefined;
}

/** Meeting started: the intro becomes ready; the timer waits for the leader. */
export async function meetingStarted(deps: FlowDeps, event: MeetingEvent): Promise<Intro | undefined> {
  const intro = await introForMeeting(deps, event);
  if (!intro || intro.status !== 'scheduled') return intro;
  const ready = await changeIntro(deps.intros, intro.tenantId, intro.id, (current) =>
    current.status === 'scheduled' ? { ...current, status: 'ready' } : undefined,
  );
  return ready.ok ? ready.value.intro : undefined;
}

async function endSession(deps: FlowDeps, intro: Intro): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await deps.intros.getSession(intro.tenantId, intro.id);
    const ended = applyAction(current.value, 'end', deps.clock.now());
    if (!ended.ok) return;
    const saved = await deps.intros.saveSession(intro.tenantId, intro.id, ended.value, current.version);
    if (saved.ok) return;
  }
}

/** Meeting ended: a running or paused session ends, the intro is done, and the leader gets the recap privately. */
export async function meetingEnded(deps: FlowDeps, event: MeetingEvent): Promise<Intro | undefined> {
  const intro = await introForMeeting(deps, event);
  if (!intro || intro.status === 'done' || intro.status === 'cancelled') return undefined;
  await endSession(deps, intro);
  const ended = await changeIntro(deps.intros, intro.tenantId, intro.id, (current) =>
    current.status === 'done' || current.status === 'cancelled' ? undefined : { ...current, status: 'done' },
  );
  // Only the call that marked it done sends the recap, so two instances handling one event send it once.
  if (!ended.ok || !ended.value.changed) return undefined;
  const done = ended.value.intro;
  await deps.notifier.notify(done.tenantId, done.leader.id, { kind: 'recap', recap: await recapOf(deps, done) });
  return done;
}
