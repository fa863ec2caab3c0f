import type { IntroId, UserId } from '../domain/ids';
import { createIntro, type Intro, type IntroError, type Person, type Setting } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { UseCaseDeps } from './deps';
import { loadParticipantIntro, readParticipantIntro, type ParticipantIntro } from './participantIntro';

/** Whom the caller meets in person (a known person's id, or only a name), where, and for how long. */
type StartInPersonRequest = {
  readonly memberId?: string | undefined;
  readonly memberName: string;
  readonly setting?: 'coffee' | 'lunch' | 'meetingRoom' | undefined;
  readonly durationMinutes?: number | undefined;
};

/** Settings where the two people sit together rather than in a Teams call. */
const IN_PERSON_SETTINGS: readonly Setting[] = ['coffee', 'lunch', 'meetingRoom'];

/** Whether an intro is held in person (coffee, lunch, a meeting room). */
const isInPerson = (intro: Intro): boolean => IN_PERSON_SETTINGS.includes(intro.setting);

/** How many of the caller's latest intros are searched for a known person chosen by id. */
const KNOWN_PEOPLE_SCAN = 100;

/** The people the caller has met or planned to meet in their latest intros, by id. */
async function knownPeople(deps: UseCaseDeps, caller: Caller): Promise<Map<string, Person>> {
  const { items } = await deps.intros.listForUser(caller.tenantId, caller.userId, { limit: KNOWN_PEOPLE_SCAN });
  const people = new Map<string, Person>();
  for (const intro of items) {
    const other = intro.leader.id === caller.userId ? intro.member : intro.leader;
    if (other && !people.has(other.id)) people.set(other.id, other);
  }
  return people;
}

/**
 * The person met: someone from the caller's own intros when an id is given (an id the caller has never met is
 * refused, so nobody can be put in someone's history at will), else a person known only by name, with an id the
 * server derives from the tenant and the name (`nameId`), as the bot's schedule flow does.
 */
async function memberOf(
  deps: UseCaseDeps,
  caller: Caller,
  request: StartInPersonRequest,
  nameId: (name: string) => UserId,
): Promise<Result<Person, 'notFound' | 'selfIntro'>> {
  if (request.memberId !== undefined) {
    const known = (await knownPeople(deps, caller)).get(request.memberId);
    return known ? ok(known) : fail('notFound', 'Choose someone from your intros, or type their name.', 'memberId');
  }
  const name = request.memberName.trim();
  if (name.toLowerCase() === caller.name.trim().toLowerCase()) {
    return fail('selfIntro', 'An intro 1:1 needs another person: choose someone other than yourself.', 'memberName');
  }
  return ok({ id: nameId(name), name });
}

/** Creates an intro held in person now, led by the caller, and returns it ready to start. */
export async function startInPerson(
  deps: UseCaseDeps,
  caller: Caller,
  request: StartInPersonRequest,
  nameId: (name: string) => UserId,
): Promise<Result<ParticipantIntro, IntroError | 'notFound' | 'versionConflict'>> {
  const member = await memberOf(deps, caller, request, nameId);
  if (!member.ok) return member;
  const now = new Date(deps.clock.now()).toISOString();
  const created = createIntro({
    id: deps.newIntroId(),
    tenantId: caller.tenantId,
    leader: { id: caller.userId, name: caller.name },
    member: member.value,
    scheduledStart: now,
    durationMinutes: request.durationMinutes,
    setting: request.setting ?? 'coffee',
    createdAt: now,
  });
  if (!created.ok) return created;
  const stored = await deps.intros.create(created.value);
  if (!stored.ok) return fail('versionConflict', 'Could not save the intro 1:1; try again.');
  return ok(await readParticipantIntro(deps.intros, deps.clock, created.value, 'leader'));
}

/** Opens an intro the caller takes part in that is planned in person, to run it (leader) or follow it (member). */
export async function openInPerson(
  deps: UseCaseDeps,
  caller: Caller,
  id: IntroId,
): Promise<Result<ParticipantIntro, 'notFound' | 'invalidTransition'>> {
  const found = await loadParticipantIntro(deps.intros, caller, id);
  if (!found.ok) return found;
  const { intro, role } = found.value;
  if (!isInPerson(intro)) {
    return fail('invalidTransition', 'This intro 1:1 is held in a Teams meeting: run it from the meeting side panel.');
  }
  if (intro.status === 'cancelled') return fail('invalidTransition', 'This intro 1:1 was cancelled.');
  return ok(await readParticipantIntro(deps.intros, deps.clock, intro, role));
}
