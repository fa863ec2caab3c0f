import type { IntroId, MeetingKey, TenantId, UserId } from '../domain/ids';
import type { Intro, Person } from '../domain/intro';
import type { FollowUp, Goal, Notes, NotesBody } from '../domain/notes';
import type { Recap, SharedRecap } from '../domain/recap';
import type { Result } from '../domain/result';
import type { Session } from '../domain/session';
import type { Busy, TeamPlan } from '../domain/teamPlan';

/** The only source of time for use cases and the domain: epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Signs and checks short strings with the app's key (invite links, card stamps); every instance agrees. */
export interface Signer {
  sign(value: string): string;
  verify(value: string, signature: string): boolean;
}

/** A value with the version that guards its next write. */
export interface Versioned<T> {
  readonly value: T;
  /** 0 when nothing is stored yet. */
  readonly version: number;
}

/** One page of a list, newest first, and the cursor for the next page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/** Outcome of a conditional write: the new copy, or the current one when the version did not match. */
export type WriteOutcome<T> =
  | { readonly ok: true; readonly value: Versioned<T> }
  | { readonly ok: false; readonly current: Versioned<T> | undefined };

/** Thrown by a store's list for a cursor it did not make: the caller's input, not a fault of the store. */
export class InvalidCursorError extends Error {
  constructor() {
    super('Invalid page cursor: pass back the nextCursor of the previous page unchanged.');
    this.name = 'InvalidCursorError';
  }
}

/** Intros and their shared session clocks. */
export interface IntroStore {
  /** Stores a new intro at version 1; refused with `meetingTaken` when another intro already holds its meeting. */
  create(intro: Intro): Promise<Result<void, 'meetingTaken'>>;
  /**
   * Replaces an intro's details (status, member, meeting) only if its stored version is `expectedVersion`;
   * the id and tenant never change. `current` is undefined when the intro does not exist.
   */
  update(intro: Intro, expectedVersion: number): Promise<WriteOutcome<Intro>>;
  get(tenantId: TenantId, id: IntroId): Promise<Intro | undefined>;
  /** The intro's stored version alone (undefined when there is none): a cheap check that a parsed copy is current. */
  getVersion(tenantId: TenantId, id: IntroId): Promise<number | undefined>;
  /** The intro with the version that guards its next update. */
  getVersioned(tenantId: TenantId, id: IntroId): Promise<Versioned<Intro> | undefined>;
  /** The intro held in a Teams meeting, if any. */
  findByMeeting(tenantId: TenantId, meetingId: MeetingKey): Promise<Intro | undefined>;
  /** Intros the user leads or attends, newest first (by scheduled start, else creation); InvalidCursorError for a bad cursor. */
  listForUser(tenantId: TenantId, userId: UserId, page: { limit: number; cursor?: string }): Promise<Page<Intro>>;
  /** Deletes an intro, its session and everyone's notes on it. */
  delete(tenantId: TenantId, id: IntroId): Promise<void>;
  /** The session clock; `notStarted` at version 0 when none is stored. */
  getSession(tenantId: TenantId, id: IntroId): Promise<Versioned<Session>>;
  /** Writes the session only if its stored version is `expectedVersion`. */
  saveSession(
    tenantId: TenantId,
    id: IntroId,
    session: Session,
    expectedVersion: number,
  ): Promise<WriteOutcome<Session>>;
}

/** Identifies one author's notes on one intro. */
export interface NotesKey {
  readonly tenantId: TenantId;
  readonly introId: IntroId;
  readonly authorId: UserId;
}

/** A notes write refused because its author does not lead or attend the intro (or it is gone): nothing written. */
export interface NotParticipant {
  readonly ok: false;
  readonly notParticipant: true;
}

/** Private notes, always addressed by their author. */
export interface NotesStore {
  get(key: NotesKey): Promise<Notes | undefined>;
  /**
   * Writes only if the stored version is `expectedVersion` (0: none stored yet), and only while the author leads or
   * attends the intro (no data key is made for anyone else): checked with the write, in its own statement where the
   * store can (SQLite: no save lands on an intro deleted meanwhile; Azure Tables reads the intro just before).
   */
  saveAsParticipant(
    key: NotesKey,
    body: NotesBody,
    expectedVersion: number,
    updatedAt: string,
  ): Promise<WriteOutcome<Notes> | NotParticipant>;
  /** All of one author's notes, newest first. */
  listByAuthor(tenantId: TenantId, authorId: UserId): Promise<readonly Notes[]>;
  delete(key: NotesKey): Promise<void>;
  deleteAllByAuthor(tenantId: TenantId, authorId: UserId): Promise<void>;
}

/** Where the bot can reach a person proactively: a serialized Bot Framework conversation reference. */
export interface ConversationStore {
  save(tenantId: TenantId, userId: UserId, reference: Readonly<Record<string, unknown>>): Promise<void>;
  get(tenantId: TenantId, userId: UserId): Promise<Readonly<Record<string, unknown>> | undefined>;
  delete(tenantId: TenantId, userId: UserId): Promise<void>;
  /** Any one reference stored in the tenant, e.g. for its service URL; undefined when the bot knows nobody there. */
  anyInTenant(tenantId: TenantId): Promise<Readonly<Record<string, unknown>> | undefined>;
}

/** Who takes part in a Teams meeting, as Teams says. */
export interface MeetingRoster {
  /** Whether a person takes part in the meeting: `unknown` when it cannot be confirmed either way right now. */
  isParticipant(tenantId: TenantId, meetingId: MeetingKey, userId: UserId): Promise<'yes' | 'no' | 'unknown'>;
  /** The meeting's organizer when Teams can say and they take part in it; undefined otherwise (or not implemented). */
  organizer?(tenantId: TenantId, meetingId: MeetingKey): Promise<Person | undefined>;
}

/** A stored piece of work with a due time (reminders, nudges). */
export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly dueAt: number;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** A job claimed by one instance until its lease runs out. */
export interface ClaimedJob extends Job {
  readonly leaseId: string;
}

/** Stored jobs; every instance polls, and a lease makes exactly one instance run each. */
export interface JobStore {
  /** Adds a job; a job with the same id is replaced (idempotent scheduling). */
  schedule(job: Job): Promise<void>;
  /** Claims one due job whose lease is free or expired, or returns undefined. */
  claimDue(now: number, leaseMs: number): Promise<ClaimedJob | undefined>;
  /** Removes a job this instance still holds the lease for; false if the lease was lost. */
  complete(job: ClaimedJob): Promise<boolean>;
  /**
   * Replaces the payload of a job this instance still holds, keeping its lease; false if the lease was lost. The
   * runner records an attempt this way before it sends, so an instance that claims the job after a crash knows.
   */
  recordAttempt(job: ClaimedJob, payload: Readonly<Record<string, unknown>>): Promise<boolean>;
  /** Moves a job this instance still holds to `dueAt` with `payload` and frees its lease; false if the lease was lost. */
  reschedule(job: ClaimedJob, dueAt: number, payload: Readonly<Record<string, unknown>>): Promise<boolean>;
}

/** Health of the store, for /readyz. */
export interface StoreHealth {
  ping(): Promise<void>;
}

/** Where an intro landed on a calendar: a Teams meeting, or an invite the app serves. */
export interface CalendarEntry {
  readonly joinUrl?: string;
  readonly meetingId?: string;
  readonly chatId?: string;
  /** True once the app is installed and its tab pinned in the meeting chat. */
  readonly tabPinned?: boolean;
  /** A link to an .ics invite, when the calendar is local. */
  readonly inviteUrl?: string;
}

/** Puts a scheduled intro on a calendar. */
export interface Calendar {
  schedule(intro: Intro): Promise<Result<CalendarEntry, 'forbidden' | 'unavailable'>>;
}

/** A proactive message, rendered by the adapter that delivers it (the bot turns each into a card). */
export type Notification =
  | { readonly kind: 'prep'; readonly prep: PrepBrief }
  | { readonly kind: 'headsUp'; readonly intro: Intro }
  | { readonly kind: 'recap'; readonly recap: Recap }
  | { readonly kind: 'shared'; readonly shared: SharedRecap }
  | { readonly kind: 'unreachable'; readonly intro: Intro; readonly personName: string; readonly purpose: string };

/** What the leader sees before an intro: the intro, and goals and open follow-ups from their last one with that person. */
export interface PrepBrief {
  readonly intro: Intro;
  readonly previousGoals: readonly Goal[];
  readonly openFollowUps: readonly FollowUp[];
}

/** Sends a message to one person's personal chat, and only there. */
export interface Notifier {
  notify(tenantId: TenantId, userId: UserId, message: Notification): Promise<Result<void, 'unreachable'>>;
}

/** A data key wrapped by a key-encryption key (KEK); `kekId` names the exact KEK and version that unwraps it. */
export interface WrappedKey {
  /** E.g. `local:<fingerprint>` or a Key Vault key id URL with its version. */
  readonly kekId: string;
  /** The wrapping algorithm, e.g. `A256GCM` (local) or `RSA-OAEP-256` (Key Vault). */
  readonly alg: string;
  readonly wrapped: Uint8Array;
}

/** Wraps data keys with a KEK that never leaves its holder; unwraps with the KEK the wrapped key names. */
export interface KeyWrapper {
  wrap(dataKey: Uint8Array): Promise<WrappedKey>;
  /** Throws when the named KEK is unknown or the wrapped key was tampered with. */
  unwrap(wrapped: WrappedKey): Promise<Uint8Array>;
}

/** One author's wrapped data key in one tenant. */
interface StoredDataKey {
  readonly tenantId: TenantId;
  readonly authorId: UserId;
  readonly key: WrappedKey;
}

/** Wrapped data keys, one per author and tenant; deleting one makes everything sealed with it unreadable. */
export interface DataKeyStore {
  get(tenantId: TenantId, authorId: UserId): Promise<WrappedKey | undefined>;
  /** Stores `key` unless the author already has one; returns the stored key (another instance's when it won). */
  createIfAbsent(tenantId: TenantId, authorId: UserId, key: WrappedKey): Promise<WrappedKey>;
  /** Replaces `expected` with `next` (a rewrap under a new KEK); false when the stored key is no longer `expected`. */
  replace(tenantId: TenantId, authorId: UserId, expected: WrappedKey, next: WrappedKey): Promise<boolean>;
  /** Every stored key, for rewrapping after a KEK rotation. */
  list(): Promise<readonly StoredDataKey[]>;
  delete(tenantId: TenantId, authorId: UserId): Promise<void>;
}

/** A person on a team's roster: their Entra object id and display name. */
export interface RosterMember {
  readonly id: UserId;
  readonly name: string;
}

/** A team the app is installed in, as recorded when it was installed. */
export interface InstalledTeam {
  readonly teamId: string;
  readonly name: string;
  /** Where the bot reaches that team's Bot Framework connector. */
  readonly serviceUrl: string;
  /** ISO 8601 instant. */
  readonly installedAt: string;
}

/** A team's members, read when needed and never stored (paged: teams of hundreds). */
export interface TeamRoster {
  members(teamId: string, cursor?: string): Promise<Result<Page<RosterMember>, 'unavailable'>>;
}

/** The teams the app is installed in, and each leader's plan of intros with a team. */
export interface TeamPlanStore {
  /** Records (or refreshes) an installed team. */
  saveTeam(tenantId: TenantId, team: InstalledTeam): Promise<void>;
  getTeam(tenantId: TenantId, teamId: string): Promise<InstalledTeam | undefined>;
  listTeams(tenantId: TenantId): Promise<readonly InstalledTeam[]>;
  getPlan(tenantId: TenantId, teamId: string, leaderId: UserId): Promise<Versioned<TeamPlan> | undefined>;
  /** Writes a plan only if its stored version is `expectedVersion` (0: none stored yet). */
  savePlan(plan: TeamPlan, expectedVersion: number): Promise<WriteOutcome<TeamPlan>>;
  plansForTeam(tenantId: TenantId, teamId: string): Promise<readonly TeamPlan[]>;
  plansForLeader(tenantId: TenantId, leaderId: UserId): Promise<readonly TeamPlan[]>;
  /** Forgets every plan a leader made (delete my data): no names from their rosters, no more nudges. */
  deletePlansOfLeader(tenantId: TenantId, leaderId: UserId): Promise<void>;
}

/** When people are busy, from their calendars (Graph `getSchedule`); an optional capability of a `Calendar`. */
export interface FreeBusy {
  /** Busy blocks per person between `fromMs` and `toMs`; people whose calendar is unknown are left out. */
  busy(
    organizerId: UserId,
    people: readonly UserId[],
    fromMs: number,
    toMs: number,
  ): Promise<Result<ReadonlyMap<UserId, readonly Busy[]>, 'forbidden' | 'unavailable'>>;
}

/** Which intro's session (or who leads it) may have changed: the only thing a change notice carries. */
export interface SessionChange {
  readonly tenantId: TenantId;
  readonly introId: IntroId;
}

/**
 * Tells whoever holds a session's stream that it may have changed, in this process and (with a shared engine) in
 * every other instance. At most once, and saying only "changed": listeners reread the session from the store.
 */
export interface SessionChanges {
  publish(change: SessionChange): void;
  /** Calls `listener` on each change of that intro until the returned function is called. */
  subscribe(change: SessionChange, listener: () => void): () => void;
}
