import { randomUUID } from 'node:crypto';
import type { IntroId, MeetingKey, TenantId, UserId } from '../../src/domain/ids';
import { parseIntroId, parseMeetingKey, parseTenantId, parseUserId } from '../../src/domain/ids';
import { createIntro, type Intro, type NewIntro } from '../../src/domain/intro';
import { emptyNotesBody, type NotesBody } from '../../src/domain/notes';

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`fixture: could not make ${what}`);
  return value;
}

/** A fresh tenant id. */
export const newTenant = (): TenantId => must(parseTenantId(randomUUID()), 'tenant id');
/** A fresh user id. */
export const newUser = (): UserId => must(parseUserId(randomUUID()), 'user id');
/** A fresh intro id. */
export const newIntroId = (): IntroId => must(parseIntroId(randomUUID()), 'intro id');
/** A fresh Teams meeting id. */
export const newMeeting = (): MeetingKey => must(parseMeetingKey(`19:meeting_${randomUUID()}@thread.v2`), 'meeting');

/** An intro made by the domain's createIntro, with overridable fields. */
export function makeIntro(
  overrides: Partial<NewIntro> & { tenantId: TenantId; leaderId?: UserId; memberId?: UserId | null },
): Intro {
  const { leaderId, memberId, ...rest } = overrides;
  const member = memberId === null ? undefined : { id: memberId ?? newUser(), name: 'Mia Member' };
  const created = createIntro({
    id: newIntroId(),
    leader: { id: leaderId ?? newUser(), name: 'Lea Leader' },
    createdAt: '2025-01-01T09:00:00.000Z',
    ...(member ? { member } : {}),
    ...rest,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** Notes with a little of everything, tagged so two bodies differ. */
export function notesBody(tag: string): NotesBody {
  const body = emptyNotesBody();
  return {
    ...body,
    text: { ...body.text, goals: `goals ${tag}` },
    goals: [{ id: 'g1', text: `grow ${tag}`, horizon: 'short' }],
    followUps: [{ id: 'f1', text: 'send the doc', owner: 'leader', due: '2025-02-01', done: false }],
  };
}

/** Notes near the largest a person can write (~100 KB of text). */
export function largeNotesBody(): NotesBody {
  const long = (c: string) => c.repeat(20_000);
  return {
    text: { prep: long('p'), goals: long('é'), pullFeedback: long('u'), pushFeedback: long('s') },
    goals: Array.from({ length: 40 }, (_, i) => ({
      id: `g${i}`,
      text: `goal ${i} `.repeat(60).trim(),
      horizon: 'long' as const,
    })),
    issues: [],
    feedback: [],
    followUps: [],
  };
}

/** An ISO instant `minutes` after a fixed origin. */
export const at = (minutes: number): string => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();
