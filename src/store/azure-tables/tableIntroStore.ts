import { odata } from '@azure/data-tables';
import type { IntroStore, Page, Versioned, WriteOutcome } from '../../app/ports';
import type { IntroId, TenantId } from '../../domain/ids';
import type { Intro } from '../../domain/intro';
import { fail, ok, type Result } from '../../domain/result';
import { introSortAt } from '../cursor';
import { pageStart, toPage } from '../paging';
import { introSchema } from '../../domain/intro.schema';
import { introCodec } from '../codecs/records';
import { tableSessions } from './tableSessions';
import { listAll, safeKey, unless, type Tables } from './tables';

const LATEST = 9_000_000_000_000_000;
const invertHex = (id: string) => id.replace(/[0-9a-f]/g, (c) => (15 - parseInt(c, 16)).toString(16));
// Row keys sort ascending, so newest-first order is stored inverted: later times and larger ids come first.
const indexKey = (sortAt: number, id: string) => `${String(LATEST - sortAt).padStart(16, '0')}_${invertHex(id)}`;
const userPartition = (tenantId: string, userId: string) => `${tenantId}_${userId}`;
const participants = (intro: Intro) => [intro.leader.id, ...(intro.member ? [intro.member.id] : [])];

type JsonEntity = { readonly json: string; readonly etag?: string; readonly version?: number };
const toIntro = (entity: JsonEntity) => introCodec.decode(entity.json);

/** IntroStore on Azure Tables: intros by tenant, plus index tables per user and per meeting. */
export function tableIntroStore(tables: Tables): IntroStore {
  const sessions = tableSessions(tables.sessions);
  const getEntity = (tenantId: string, id: string) =>
    unless([404], () => tables.intros.getEntity<JsonEntity>(tenantId, id));

  const readVersioned = async (tenantId: string, id: string): Promise<Versioned<Intro> | undefined> => {
    const entity = await getEntity(tenantId, id);
    return entity && { value: toIntro(entity), version: entity.version ?? 1 };
  };
  const writeUserIndexes = async (intro: Intro, json: string) => {
    const rowKey = indexKey(introSortAt(intro), intro.id);
    for (const userId of participants(intro)) {
      await tables.introsByUser.upsertEntity(
        { partitionKey: userPartition(intro.tenantId, userId), rowKey, json },
        'Replace',
      );
    }
  };
  const meetingRow = (intro: Intro, meetingId: string) => ({
    partitionKey: intro.tenantId,
    rowKey: safeKey(meetingId),
    introId: intro.id,
  });
  /** Deletes the index rows of `old` that `kept` (the intro as it is now) no longer has. */
  const removeIndexes = async (old: Intro, kept?: Intro) => {
    const rowKey = indexKey(introSortAt(old), old.id);
    const keptKey = kept && indexKey(introSortAt(kept), kept.id);
    const keptUsers = kept ? participants(kept) : [];
    for (const userId of participants(old)) {
      if (rowKey === keptKey && keptUsers.includes(userId)) continue;
      await unless([404], () => tables.introsByUser.deleteEntity(userPartition(old.tenantId, userId), rowKey));
    }
    const meetingId = old.meeting?.meetingId;
    if (!meetingId || meetingId === kept?.meeting?.meetingId) return;
    const row = await unless([404], () =>
      tables.introsByMeeting.getEntity<{ introId: string }>(old.tenantId, safeKey(meetingId)),
    );
    // Only this intro's claim on the meeting goes; another intro may hold it by now.
    if (row?.introId !== old.id) return;
    await unless([404, 412], () =>
      tables.introsByMeeting.deleteEntity(old.tenantId, safeKey(meetingId), { etag: row.etag ?? '*' }),
    );
  };
  /** Claims the meeting for the intro; false when another stored intro holds it. */
  const claimMeeting = async (intro: Intro, meetingId: string): Promise<boolean> => {
    const row = meetingRow(intro, meetingId);
    if (await unless([409], () => tables.introsByMeeting.createEntity(row))) return true;
    const claim = await unless([404], () =>
      tables.introsByMeeting.getEntity<{ introId: string }>(row.partitionKey, row.rowKey),
    );
    if (!claim) return claimMeeting(intro, meetingId);
    if (claim.introId === intro.id) return true;
    const holder = await getEntity(intro.tenantId, claim.introId);
    if (holder && toIntro(holder).meeting?.meetingId === meetingId) return false;
    // A claim left behind by an intro that no longer holds the meeting: take it over, unless someone beat us to it.
    const taken = await unless([404, 412], () =>
      tables.introsByMeeting.updateEntity(row, 'Replace', { etag: claim.etag ?? '*' }),
    );
    return taken !== undefined;
  };
  const create = async (input: Intro): Promise<Result<void, 'meetingTaken'>> => {
    const intro = introSchema.parse(input);
    const json = introCodec.encode(intro);
    const created = await unless([409], () =>
      tables.intros.createEntity({ partitionKey: intro.tenantId, rowKey: intro.id, json, version: 1 }),
    );
    if (!created) throw new Error(`Cannot create intro ${intro.id}: it already exists in tenant ${intro.tenantId}.`);
    // The intro row comes first, so a claim always points at an intro that was stored before it.
    const meetingId = intro.meeting?.meetingId;
    if (meetingId && !(await claimMeeting(intro, meetingId))) {
      await unless([404], () => tables.intros.deleteEntity(intro.tenantId, intro.id));
      return fail('meetingTaken', 'Another intro 1:1 is already held in this meeting.');
    }
    await writeUserIndexes(intro, json);
    return ok(undefined);
  };
  /** The ETag-checked write comes first; index rows change only once it has landed. */
  const update = async (input: Intro, expectedVersion: number): Promise<WriteOutcome<Intro>> => {
    const intro = introSchema.parse(input);
    const old = await getEntity(intro.tenantId, intro.id);
    if (!old) return { ok: false, current: undefined };
    const current = { value: toIntro(old), version: old.version ?? 1 };
    if (current.version !== expectedVersion) return { ok: false, current };
    const json = introCodec.encode(intro);
    const entity = { partitionKey: intro.tenantId, rowKey: intro.id, json, version: expectedVersion + 1 };
    const written = await unless([404, 412], () =>
      tables.intros.updateEntity(entity, 'Replace', { etag: old.etag ?? '*' }),
    );
    if (!written) return { ok: false, current: await readVersioned(intro.tenantId, intro.id) };
    await writeUserIndexes(intro, json);
    const meetingId = intro.meeting?.meetingId;
    if (meetingId) await tables.introsByMeeting.upsertEntity(meetingRow(intro, meetingId), 'Replace');
    await removeIndexes(current.value, intro);
    return { ok: true, value: { value: intro, version: expectedVersion + 1 } };
  };
  const list = async (
    tenantId: TenantId,
    userId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Intro>> => {
    const start = pageStart(page);
    const after = start ? indexKey(start.sortAt, start.id) : '';
    const filter = odata`PartitionKey eq ${userPartition(tenantId, userId)} and RowKey gt ${after}`;
    const rows: JsonEntity[] = [];
    const pages = tables.introsByUser
      .listEntities<JsonEntity>({ queryOptions: { filter } })
      .byPage({ maxPageSize: page.limit + 1 });
    for await (const batch of pages) {
      rows.push(...batch);
      if (rows.length > page.limit) break;
    }
    return toPage(rows, page.limit, toIntro, (intro) => ({ sortAt: introSortAt(intro), id: intro.id }));
  };
  const remove = async (tenantId: TenantId, id: IntroId) => {
    const old = await getEntity(tenantId, id);
    if (old) await removeIndexes(toIntro(old));
    await sessions.delete(tenantId, id);
    for (const note of await listAll<{ rowKey: string }>(
      tables.notes,
      odata`PartitionKey eq ${tenantId} and introId eq ${id}`,
    )) {
      await unless([404], () => tables.notes.deleteEntity(tenantId, note.rowKey));
    }
    await unless([404], () => tables.intros.deleteEntity(tenantId, id));
  };
  return {
    create,
    update,
    get: async (tenantId, id) => (await readVersioned(tenantId, id))?.value,
    getVersion: async (tenantId, id) => {
      const entity = await unless([404], () =>
        tables.intros.getEntity<{ version?: number }>(tenantId, id, { queryOptions: { select: ['version'] } }),
      );
      return entity && (entity.version ?? 1);
    },
    getVersioned: readVersioned,
    findByMeeting: async (tenantId, meetingId) => {
      const found = await unless([404], () =>
        tables.introsByMeeting.getEntity<{ introId: string }>(tenantId, safeKey(meetingId)),
      );
      const entity = found && (await getEntity(tenantId, found.introId));
      const intro = entity && toIntro(entity);
      return intro?.meeting?.meetingId === meetingId ? intro : undefined;
    },
    listForUser: list,
    delete: remove,
    getSession: sessions.get,
    saveSession: sessions.save,
  };
}
