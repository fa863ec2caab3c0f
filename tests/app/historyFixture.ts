import { randomUUID } from 'node:crypto';
import type { Caller } from '../../src/app/caller';
import type { UseCaseDeps } from '../../src/app/deps';
import type { IntroId, TenantId, UserId } from '../../src/domain/ids';
import { createIntro, type Intro, type Person } from '../../src/domain/intro';
import { emptyNotesBody, type NotesBody } from '../../src/domain/notes';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/openSqliteStore';

export const TENANT = '7a5b1c2d-0000-4000-8000-0000000000aa' as TenantId;
const person = (n: number, name: string): Person => ({
  id: `${n}${n}${n}${n}${n}${n}${n}${n}-1111-4111-8111-111111111111` as UserId,
  name,
});
export const LEAD = person(1, 'Avery Leader');
export const SAM = person(2, 'Sam Member');
export const KIM = person(3, 'Kim Other');
export const callerOf = (p: Person, tenantId = TENANT): Caller => ({ userId: p.id, tenantId, name: p.name });

/** An in-memory store and the use-case deps over it, with a fixed clock. */
export function historyWorld(): { store: SqliteStore; deps: UseCaseDeps } {
  const store = openSqliteStore(':memory:');
  const deps: UseCaseDeps = {
    intros: store.intros,
    notes: store.notes,
    conversations: store.conversations,
    teamPlans: store.teamPlans,
    clock: { now: () => Date.parse('2025-06-01T12:00:00Z') },
    // Everyone is in every meeting here; tests/app/meetingRoster.test.ts covers the roster's answers.
    roster: { isParticipant: async () => 'yes' },
    requireConfirmedParticipant: true,
    newIntroId: () => randomUUID() as IntroId,
  };
  return { store, deps };
}

/** Stores an intro between a leader and a member on a day of June 2025. */
export function seedIntro(deps: UseCaseDeps, leader: Person, member: Person, day: number): Promise<Intro> {
  return seedIntroAt(deps, leader, member, `2025-05-${String(day).padStart(2, '0')}T10:00:00.000Z`);
}

/** Stores an intro between a leader and a member, scheduled (and created) at `at`. */
export async function seedIntroAt(deps: UseCaseDeps, leader: Person, member: Person, at: string): Promise<Intro> {
  const made = createIntro({
    id: deps.newIntroId(),
    tenantId: TENANT,
    leader,
    member,
    scheduledStart: at,
    createdAt: at,
  });
  if (!made.ok) throw new Error(made.error.message);
  await deps.intros.create(made.value);
  return made.value;
}

/** Saves notes by `author` on an intro. */
export async function seedNotes(
  deps: UseCaseDeps,
  intro: Intro,
  author: Person,
  body: Partial<NotesBody>,
): Promise<void> {
  const saved = await deps.notes.saveAsParticipant(
    { tenantId: intro.tenantId, introId: intro.id, authorId: author.id },
    { ...emptyNotesBody(), ...body },
    0,
    intro.createdAt,
  );
  if (!saved.ok) throw new Error('seed notes failed');
}
