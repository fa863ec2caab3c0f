import type { IntroId, MeetingKey, TenantId, UserId } from './ids';
import type { ShareablePart } from './recap';
import { assertNever, fail, ok, type Result } from './result';

/** Shortest intro the method allows: less is too short for someone to open up. */
export const MIN_MINUTES = 30;
/** Longest intro the method allows: more is too long to keep focus. */
export const MAX_MINUTES = 60;
/** The length the method recommends. */
export const DEFAULT_MINUTES = 45;

/** Where the conversation happens; each gives some privacy. */
export const SETTINGS = ['coffee', 'lunch', 'meetingRoom', 'teamsCall'] as const;
/** Where the conversation happens. */
export type Setting = (typeof SETTINGS)[number];

/** Labels people see for each setting. */
export const SETTING_LABELS: Readonly<Record<Setting, string>> = {
  coffee: 'Over coffee',
  lunch: 'Over lunch',
  meetingRoom: 'In a meeting room',
  teamsCall: 'Teams call',
};

/** Where an intro is in its life. */
export type IntroStatus = 'scheduled' | 'ready' | 'inProgress' | 'done' | 'cancelled';

/** A participant, named as Teams shows them. */
export interface Person {
  readonly id: UserId;
  readonly name: string;
}

/** The Teams meeting an intro is held in, when it is held in one. */
interface MeetingRef {
  readonly meetingId?: MeetingKey;
  readonly joinUrl?: string;
  readonly chatId?: string;
}

/** One introductory 1:1 between a leader and a person they serve. */
export interface Intro {
  readonly id: IntroId;
  readonly tenantId: TenantId;
  readonly leader: Person;
  /** Unknown until the other participant is known (e.g. an intro started in a meeting). */
  readonly member?: Person;
  /** ISO 8601 instant. */
  readonly scheduledStart?: string;
  readonly durationMinutes: number;
  readonly setting: Setting;
  readonly meeting?: MeetingRef;
  readonly status: IntroStatus;
  /** ISO 8601 instant. */
  readonly createdAt: string;
  /** The leader's pending request that the member lead instead. */
  readonly roleSwitch?: RoleSwitchRequest;
  /** How many times the roles or a request to switch them changed; absent when never. */
  readonly roleChanges?: number;
  /** When the leader last sent the member parts of the recap (which lists, never notes); absent when never. */
  readonly sharedWithMember?: SharedMark;
}

/** The leader's last send of recap parts to the member. */
export interface SharedMark {
  /** ISO 8601 instant. */
  readonly at: string;
  readonly parts: readonly ShareablePart[];
}

/** A leader's request to hand the lead to the member, waiting for the member's answer. */
interface RoleSwitchRequest {
  readonly requestedBy: UserId;
  /** ISO 8601 instant. */
  readonly requestedAt: string;
}

/** Why a duration is refused. */
export type DurationError = 'durationNotWhole' | 'durationTooShort' | 'durationTooLong';

/** Accepts a whole number of minutes from 30 to 60, or says why not in the method's terms. */
export function validateDuration(minutes: number): Result<number, DurationError> {
  if (!Number.isInteger(minutes)) {
    return fail('durationNotWhole', 'Choose a whole number of minutes between 30 and 60.', 'durationMinutes');
  }
  if (minutes < MIN_MINUTES) {
    return fail(
      'durationTooShort',
      `${minutes} minutes is too short for someone to open up: plan at least ${MIN_MINUTES} (${DEFAULT_MINUTES} is ideal).`,
      'durationMinutes',
    );
  }
  if (minutes > MAX_MINUTES) {
    return fail(
      'durationTooLong',
      `${minutes} minutes is too long to keep the conversation focused: plan at most ${MAX_MINUTES} (${DEFAULT_MINUTES} is ideal).`,
      'durationMinutes',
    );
  }
  return ok(minutes);
}

/** What it takes to create an intro. */
export interface NewIntro {
  readonly id: IntroId;
  readonly tenantId: TenantId;
  readonly leader: Person;
  readonly member?: Person;
  readonly scheduledStart?: string;
  readonly durationMinutes?: number;
  readonly setting?: Setting;
  readonly meeting?: MeetingRef;
  readonly createdAt: string;
}

/** Why an intro cannot be created. */
export type IntroError = DurationError | 'selfIntro';

/** Creates an intro, refusing a duration outside the method's range or an intro with oneself. */
export function createIntro(input: NewIntro): Result<Intro, IntroError> {
  const duration = validateDuration(input.durationMinutes ?? DEFAULT_MINUTES);
  if (!duration.ok) return duration;
  if (input.member && input.member.id === input.leader.id) {
    return fail('selfIntro', 'An intro 1:1 needs another person: choose someone other than yourself.', 'member');
  }
  return ok({
    ...input,
    durationMinutes: duration.value,
    setting: input.setting ?? 'teamsCall',
    status: 'scheduled',
  });
}

/** The role a user has in an intro, if any. */
export function roleOf(intro: Intro, userId: UserId): 'leader' | 'member' | undefined {
  if (intro.leader.id === userId) return 'leader';
  if (intro.member?.id === userId) return 'member';
  return undefined;
}

/** What a participant does about switching roles: the leader requests or cancels, the member accepts or declines. */
export const ROLE_SWITCH_ACTIONS = ['request', 'accept', 'decline', 'cancel'] as const;
/** One step of a role switch. */
export type RoleSwitchAction = (typeof ROLE_SWITCH_ACTIONS)[number];

/** The intro after a role-switch step by `userId` at `now` (undefined: nothing to change), or why it is refused. */
export function switchRoles(
  intro: Intro,
  userId: UserId,
  action: RoleSwitchAction,
  now: string,
): Result<Intro | undefined, 'forbidden' | 'invalidTransition'> {
  const role = roleOf(intro, userId);
  const leaderAction = action === 'request' || action === 'cancel';
  if (role !== (leaderAction ? 'leader' : 'member')) {
    return leaderAction
      ? fail('forbidden', 'Only the leader can hand over the lead.')
      : fail('forbidden', 'Only the person asked to lead can answer.');
  }
  if (!intro.member) return fail('invalidTransition', 'Nobody has joined yet to hand the lead to.');
  const changed = (next: Intro): Result<Intro, never> => ok({ ...next, roleChanges: (intro.roleChanges ?? 0) + 1 });
  const { roleSwitch, ...withoutRequest } = intro;
  switch (action) {
    case 'request':
      return roleSwitch ? ok(undefined) : changed({ ...intro, roleSwitch: { requestedBy: userId, requestedAt: now } });
    case 'cancel':
    case 'decline':
      return roleSwitch ? changed(withoutRequest) : ok(undefined);
    case 'accept': {
      if (!roleSwitch) return fail('invalidTransition', `${intro.leader.name} no longer asks you to lead.`);
      // The share mark says what this leader sent this member: with the roles swapped it would say the opposite.
      const { sharedWithMember: _sent, ...swappable } = withoutRequest;
      return changed({ ...swappable, leader: intro.member, member: intro.leader });
    }
    default:
      return assertNever(action);
  }
}
