import type { IntroView, StartIntroRequest } from '../domain/api';
import type { MeetingKey } from '../domain/ids';
import { createIntro, roleOf, type Intro } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { changeIntro } from './introUpdates';
import { introView } from './introViews';

/** The intro held in a meeting, for a participant. */
export async function getMeetingIntro(
  deps: UseCaseDeps,
  caller: Caller,
  meetingId: MeetingKey,
): Promise<Result<IntroView, 'notFound' | 'awaitingMember'>> {
  const intro = await deps.intros.findByMeeting(caller.tenantId, meetingId);
  const role = intro && roleOf(intro, caller.userId);
  if (intro && !role && !intro.member) {
    // Same tenant (the lookup is scoped to it): offer the empty member slot, naming who set it up.
    return fail('awaitingMember', `${intro.leader.name} set up an intro 1:1 in this meeting.`);
  }
  if (!intro || !role) return fail('notFound', 'There is no intro 1:1 in this meeting yet.');
  return ok(await introView(deps.intros, deps.clock, intro, role));
}

/**
 * Sets up the intro for a meeting with the caller as leader, or returns the existing one.
 * The first other person to open it becomes the member (Teams only shows the panel to meeting participants).
 */
export async function startMeetingIntro(
  deps: UseCaseDeps,
  caller: Caller,
  meetingId: MeetingKey,
  request: StartIntroRequest,
): Promise<Result<{ view: IntroView; created: boolean }, string>> {
  const existing = await deps.intros.findByMeeting(caller.tenantId, meetingId);
  if (existing) return joinExisting(deps, caller, existing);
  const created = createIntro({
    id: deps.newIntroId(),
    tenantId: caller.tenantId,
    leader: { id: caller.userId, name: caller.name },
    durationMinutes: request.durationMinutes,
    setting: 'teamsCall',
    meeting: { meetingId },
    createdAt: new Date(deps.clock.now()).toISOString(),
  });
  if (!created.ok) return created;
  const stored = await deps.intros.create(created.value);
  if (!stored.ok) {
    // Another first opener created the meeting's intro at the same moment: join theirs instead.
    const winner = await deps.intros.findByMeeting(caller.tenantId, meetingId);
    if (!winner) return fail('versionConflict', 'The intro 1:1 changed meanwhile; reload it and try again.');
    return joinExisting(deps, caller, winner);
  }
  return ok({ view: await introView(deps.intros, deps.clock, created.value, 'leader'), created: true });
}

/** Takes the empty member slot on a fresh read, so two people opening at once cannot both become the member. */
async function joinExisting(
  deps: UseCaseDeps,
  caller: Caller,
  intro: Intro,
): Promise<Result<{ view: IntroView; created: boolean }, string>> {
  const role = roleOf(intro, caller.userId);
  if (role) return ok({ view: await introView(deps.intros, deps.clock, intro, role), created: false });
  if (intro.member) return fail('forbidden', 'This intro 1:1 is already between two other people.');
  const joined = await changeIntro(deps.intros, intro.tenantId, intro.id, (current) =>
    roleOf(current, caller.userId) || current.member
      ? undefined
      : { ...current, member: { id: caller.userId, name: caller.name } },
  );
  if (!joined.ok) return joined;
  const joinedRole = roleOf(joined.value.intro, caller.userId);
  if (!joinedRole) return fail('forbidden', 'This intro 1:1 is already between two other people.');
  return ok({ view: await introView(deps.intros, deps.clock, joined.value.intro, joinedRole), created: false });
}
