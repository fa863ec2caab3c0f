import type { MeetingKey } from '../domain/ids';
import { createIntro, roleOf, type Intro, type IntroError, type Person } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { changeIntro } from './introUpdates';
import { readParticipantIntro, type ParticipantIntro } from './participantIntro';

/** How long the caller wants the meeting's intro to last, when they are the one setting it up. */
type StartIntroRequest = { readonly durationMinutes?: number | undefined };

/** What a caller outside the meeting's intro learns: nothing, as if there were none. */
const NO_INTRO = 'There is no intro 1:1 in this meeting yet.';

/**
 * The intro held in a meeting, for a participant. Someone else in the meeting learns only that the member slot is
 * free (never who set it up); anyone the roster does not confirm learns nothing, as if there were no intro.
 */
export async function getMeetingIntro(
  deps: UseCaseDeps,
  caller: Caller,
  meetingId: MeetingKey,
): Promise<Result<ParticipantIntro, 'notFound' | 'awaitingMember'>> {
  const intro = await deps.intros.findByMeeting(caller.tenantId, meetingId);
  const role = intro && roleOf(intro, caller.userId);
  if (intro && role) return ok(await readParticipantIntro(deps.intros, deps.clock, intro, role));
  if (!intro || intro.member) return fail('notFound', NO_INTRO);
  const admitted = await checkParticipant(deps, caller, meetingId);
  if (!admitted.ok) return fail('notFound', NO_INTRO);
  return fail('awaitingMember', 'Someone set up an intro 1:1 in this meeting.');
}

/** Why setting up or joining a meeting's intro was refused. */
type StartFailure = IntroError | 'forbidden' | 'notFound' | 'versionConflict';

/** Refuses a caller the roster says is not in the meeting, or cannot vouch for when confirmation is required. */
async function checkParticipant(
  deps: UseCaseDeps,
  caller: Caller,
  meetingId: MeetingKey,
): Promise<Result<void, 'forbidden'>> {
  const answer = await deps.roster.isParticipant(caller.tenantId, meetingId, caller.userId);
  if (answer === 'no') return fail('forbidden', 'You are not a participant of this meeting.');
  if (answer === 'unknown' && deps.requireConfirmedParticipant) {
    return fail('forbidden', 'Could not confirm you are in this meeting; try again in a moment.');
  }
  // 'unknown' without a bot (local runs) is allowed: nothing could confirm it, and the preview must work.
  return ok(undefined);
}

/**
 * Sets up the intro for a meeting, led by the meeting's organizer when Teams can say (the caller then takes part as
 * member), else by the caller; or returns the existing one. The first other person to open it becomes the member. The meeting id comes from the client, so setting up or
 * joining first asks the meeting's roster whether the caller takes part in it.
 */
export async function startMeetingIntro(
  deps: UseCaseDeps,
  caller: Caller,
  meetingId: MeetingKey,
  request: StartIntroRequest,
): Promise<Result<{ opened: ParticipantIntro; created: boolean }, StartFailure>> {
  const existing = await deps.intros.findByMeeting(caller.tenantId, meetingId);
  if (existing) return joinExisting(deps, caller, existing, meetingId);
  const [admitted, organizer] = await Promise.all([
    checkParticipant(deps, caller, meetingId),
    deps.roster.organizer?.(caller.tenantId, meetingId),
  ]);
  if (!admitted.ok) return admitted;
  const created = createIntro({
    id: deps.newIntroId(),
    tenantId: caller.tenantId,
    ...leadership({ id: caller.userId, name: caller.name }, organizer),
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
    return joinExisting(deps, caller, winner, meetingId, true);
  }
  const role = roleOf(created.value, caller.userId) ?? 'leader';
  return ok({ opened: await readParticipantIntro(deps.intros, deps.clock, created.value, role), created: true });
}

/** The meeting's organizer leads when Teams names one other than the caller; otherwise whoever sets it up. */
function leadership(caller: Person, organizer: Person | undefined): { leader: Person; member?: Person } {
  return organizer && organizer.id !== caller.id ? { leader: organizer, member: caller } : { leader: caller };
}

/**
 * Takes the empty member slot on a fresh read, so two people opening at once cannot both become the member;
 * `admitted` when the caller's participation was already confirmed in this request.
 */
async function joinExisting(
  deps: UseCaseDeps,
  caller: Caller,
  intro: Intro,
  meetingId: MeetingKey,
  admitted = false,
): Promise<Result<{ opened: ParticipantIntro; created: boolean }, StartFailure>> {
  const role = roleOf(intro, caller.userId);
  if (role) return ok({ opened: await readParticipantIntro(deps.intros, deps.clock, intro, role), created: false });
  if (intro.member) return fail('forbidden', 'This intro 1:1 is already between two other people.');
  if (!admitted) {
    const checked = await checkParticipant(deps, caller, meetingId);
    if (!checked.ok) return checked;
  }
  const joined = await changeIntro(deps.intros, intro.tenantId, intro.id, (current) =>
    roleOf(current, caller.userId) || current.member
      ? undefined
      : { ...current, member: { id: caller.userId, name: caller.name } },
  );
  if (!joined.ok) return joined;
  const joinedRole = roleOf(joined.value.intro, caller.userId);
  if (!joinedRole) return fail('forbidden', 'This intro 1:1 is already between two other people.');
  return ok({
    opened: await readParticipantIntro(deps.intros, deps.clock, joined.value.intro, joinedRole),
    created: false,
  });
}
