import type Database from 'better-sqlite3';
import type { IntroStore, Page, Versioned, WriteOutcome } from '../../app/ports';
import type { IntroId, MeetingKey, TenantId, UserId } from '../../domain/ids';
import type { Intro } from '../../domain/intro';
import { fail, ok } from '../../domain/result';
import { NOT_STARTED, type Session } from '../../domain/session';
import { introSortAt } from '../cursor';
import { pageStart, toPage } from '../paging';
import { introSchema } from '../../domain/intro.schema';
import { introCodec, sessionCodec } from '../codecs/records';

const FIRST_PAGE = { sortAt: Number.MAX_SAFE_INTEGER, id: '' };

const branch = (column: string, extra: string) =>
  `SELECT json, sort_at, id FROM intros WHERE tenant_id = @tenant AND ${column} = @user ${extra}
   AND (sort_at, id) < (@sortAt, @id) ORDER BY sort_at DESC, id DESC LIMIT @take`;

/**
 * One page of a user's intros, newest first: two index range scans merged, so paging stays fast however many intros
 * a tenant holds.
 */
export const LIST_SQL = `SELECT json, sort_at, id FROM (${branch('leader_id', '')})
  UNION ALL SELECT * FROM (${branch('member_id', 'AND leader_id <> @user')})
  ORDER BY sort_at DESC, id DESC LIMIT @take`;

function introColumns(input: Intro) {
  const intro = introSchema.parse(input);
  return {
    tenant: intro.tenantId,
    id: intro.id,
    leader: intro.leader.id,
    member: intro.member?.id ?? null,
    meeting: intro.meeting?.meetingId ?? null,
    scheduledStart: intro.scheduledStart ?? null,
    createdAt: intro.createdAt,
    sortAt: introSortAt(intro),
    status: intro.status,
    json: introCodec.encode(intro),
  };
}

const alreadyExists = (intro: Intro) =>
  new Error(`Cannot create intro ${intro.id}: it already exists in tenant ${intro.tenantId}.`);

// SQLite names the columns of the violated index; the primary key's are (tenant_id, id).
// Checked by shape, not instanceof: under jest the error's Error class can come from another realm.
const isMeetingTaken = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  /UNIQUE constraint failed: intros\.tenant_id, intros\.meeting_id/.test(
    String((error as { message?: unknown }).message),
  );

const toIntro = (row: { json: string } | undefined): Intro | undefined =>
  row ? introCodec.decode(row.json) : undefined;

/** IntroStore on SQLite: one row per intro, its session beside it, keyed by tenant. */
export function sqliteIntroStore(db: Database.Database): IntroStore {
  const q = {
    insert:
      db.prepare(`INSERT INTO intros (tenant_id, id, leader_id, member_id, meeting_id, scheduled_start, created_at,
      sort_at, status, json) VALUES (@tenant, @id, @leader, @member, @meeting, @scheduledStart, @createdAt, @sortAt,
      @status, @json)`),
    update: db.prepare(`UPDATE intros SET leader_id = @leader, member_id = @member, meeting_id = @meeting,
      scheduled_start = @scheduledStart, created_at = @createdAt, sort_at = @sortAt, status = @status, json = @json,
      version = version + 1 WHERE tenant_id = @tenant AND id = @id AND version = @expected`),
    get: db.prepare<[string, string], { json: string; version: number }>(
      'SELECT json, version FROM intros WHERE tenant_id = ? AND id = ?',
    ),
    version: db.prepare<[string, string], number>('SELECT version FROM intros WHERE tenant_id = ? AND id = ?').pluck(),
    byMeeting: db.prepare<[string, string], { json: string }>(
      'SELECT json FROM intros WHERE tenant_id = ? AND meeting_id = ? ORDER BY sort_at DESC LIMIT 1',
    ),
    list: db.prepare<object, { json: string; sort_at: number; id: string }>(LIST_SQL),
    getSession: db.prepare<[string, string], { version: number; json: string }>(
      'SELECT version, json FROM sessions WHERE tenant_id = ? AND intro_id = ?',
    ),
    insertSession: db.prepare(
      'INSERT INTO sessions (tenant_id, intro_id, version, json) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING',
    ),
    updateSession: db.prepare(`UPDATE sessions SET version = version + 1, json = ?
      WHERE tenant_id = ? AND intro_id = ? AND version = ?`),
  };
  const deleteAll = db.transaction((tenant: string, id: string) => {
    for (const table of ['notes', 'sessions']) {
      db.prepare(`DELETE FROM ${table} WHERE tenant_id = ? AND intro_id = ?`).run(tenant, id);
    }
    db.prepare('DELETE FROM intros WHERE tenant_id = ? AND id = ?').run(tenant, id);
  });
  const readVersioned = (tenant: string, id: string): Versioned<Intro> | undefined => {
    const row = q.get.get(tenant, id);
    return row && { value: introCodec.decode(row.json), version: row.version };
  };
  const readSession = (tenant: string, id: string): Versioned<Session> | undefined => {
    const row = q.getSession.get(tenant, id);
    return row && { value: sessionCodec.decode(row.json), version: row.version };
  };
  const writeSession = db.transaction(
    (tenant: string, id: string, session: Session, expected: number): WriteOutcome<Session> => {
      const json = sessionCodec.encode(session);
      const changed =
        expected === 0 ? q.insertSession.run(tenant, id, json) : q.updateSession.run(json, tenant, id, expected);
      if (changed.changes === 1) return { ok: true, value: { value: session, version: expected + 1 } };
      return { ok: false, current: readSession(tenant, id) };
    },
  );

  return {
    create: async (intro) => {
      const columns = introColumns(intro);
      if (q.get.get(columns.tenant, columns.id)) throw alreadyExists(intro);
      try {
        q.insert.run(columns);
      } catch (error) {
        if (!isMeetingTaken(error)) throw error;
        return fail('meetingTaken', 'Another intro 1:1 is already held in this meeting.');
      }
      return ok(undefined);
    },
    update: async (intro, expectedVersion) => {
      const columns = introColumns(intro);
      if (q.update.run({ ...columns, expected: expectedVersion }).changes === 1) {
        return { ok: true, value: { value: introSchema.parse(intro), version: expectedVersion + 1 } };
      }
      return { ok: false, current: readVersioned(columns.tenant, columns.id) };
    },
    get: async (tenantId: TenantId, id: IntroId) => toIntro(q.get.get(tenantId, id)),
    getVersion: async (tenantId: TenantId, id: IntroId) => q.version.get(tenantId, id),
    getVersioned: async (tenantId: TenantId, id: IntroId) => readVersioned(tenantId, id),
    findByMeeting: async (tenantId: TenantId, meetingId: MeetingKey) => toIntro(q.byMeeting.get(tenantId, meetingId)),
    listForUser: async (tenantId: TenantId, userId: UserId, page): Promise<Page<Intro>> => {
      const after = pageStart(page) ?? FIRST_PAGE;
      const rows = q.list.all({
        tenant: tenantId,
        user: userId,
        sortAt: after.sortAt,
        id: after.id,
        take: page.limit + 1,
      });
      return toPage(
        rows,
        page.limit,
        (row) => introCodec.decode(row.json),
        (_, row) => ({ sortAt: row.sort_at, id: row.id }),
      );
    },
    delete: async (tenantId, id) => {
      deleteAll(tenantId, id);
    },
    getSession: async (tenantId, id) => readSession(tenantId, id) ?? { value: NOT_STARTED, version: 0 },
    saveSession: async (tenantId, id, session, expectedVersion) => writeSession(tenantId, id, session, expectedVersion),
  };
}
