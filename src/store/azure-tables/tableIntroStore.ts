import { odata } from '@azure/data-tables';
import type { IntroStore, Page } from '../../app/ports';
import type { IntroId, TenantId } from '../../domain/ids';
import type { Intro } from '../../domain/intro';
import { decodeCursor, encodeCursor, introSortAt } from '../cursor';
import { introSchema } from '../intro.schema';
import { introRowSchema, parseRow, ROW_VERSION } from '../rows.schema';
import { tableSessions } from './tableSessions';
import { listAll, safeKey, unless, type Tables } from './tables';

const LATEST = 9_000_000_000_000_000;
const invertHex = (id: string) => id.replace(/[0-9a-f]/g, (c) => (15 - parseInt(c, 16)).toString(16));
// Row keys sort ascending, so newest-first order is stored inverted: later times and larger ids come first.
const indexKey = (sortAt: number, id: string) => `${String(LATEST - sortAt).padStart(16, '0')}_${invertHex(id)}`;
const userPartition = (tenantId: string, userId: string) => `${tenantId}_${userId}`;
const participants = (intro: Intro) => [intro.leader.id, ...(intro.member ? [intro.member.id] : [])];

type JsonEntity = { readonly json: string; readonly etag?: string };
const toIntro = (entity: JsonEntity) => parseRow(introRowSchema, entity.json, 'intros').intro;

/** IntroStore on Azure Tables: intros by tenant, plus index tables per user and per meeting. */
export function tableIntroStore(tables: Tables): IntroStore {
  const sessions = tableSessions(tables.sessions);
  const getEntity = (tenantId: string, id: string) =>
    unless([404], () => tables.intros.getEntity<JsonEntity>(tenantId, id));

  const writeIndexes = async (intro: Intro, json: string) => {
    const rowKey = indexKey(introSortAt(intro), intro.id);
    for (const userId of participants(intro)) {
      await tables.introsByUser.upsertEntity(
        { partitionKey: userPartition(intro.tenantId, userId), rowKey, json },
        'Replace',
      );
    }
    const meetingId = intro.meeting?.meetingId;
    if (meetingId) {
      const entity = { partitionKey: intro.tenantId, rowKey: safeKey(meetingId), introId: intro.id };
      await tables.introsByMeeting.upsertEntity(entity, 'Replace');
    }
  };
  const removeIndexes = async (intro: Intro) => {
    const rowKey = indexKey(introSortAt(intro), intro.id);
    for (const userId of participants(intro)) {
      await unless([404], () => tables.introsByUser.deleteEntity(userPartition(intro.tenantId, userId), rowKey));
    }
    const meetingId = intro.meeting?.meetingId;
    if (meetingId) await unless([404], () => tables.introsByMeeting.deleteEntity(intro.tenantId, safeKey(meetingId)));
  };
  const save = async (input: Intro, mode: 'create' | 'update') => {
    const intro = introSchema.parse(input);
    const json = JSON.stringify({ v: ROW_VERSION, intro });
    const entity = { partitionKey: intro.tenantId, rowKey: intro.id, json };
    if (mode === 'create') {
      const created = await unless([409], () => tables.intros.createEntity(entity));
      if (!created) throw new Error(`Cannot create intro ${intro.id}: it already exists in tenant ${intro.tenantId}.`);
    } else {
      const old = await getEntity(intro.tenantId, intro.id);
      if (!old) throw new Error(`Cannot update intro ${intro.id}: it does not exist in tenant ${intro.tenantId}.`);
      await removeIndexes(toIntro(old));
      await tables.intros.updateEntity(entity, 'Replace', { etag: old.etag ?? '*' });
    }
    await writeIndexes(intro, json);
  };
  const list = async (
    tenantId: TenantId,
    userId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Intro>> => {
    if (!Number.isInteger(page.limit) || page.limit < 1) throw new RangeError('Page limit must be a whole number ≥ 1.');
    const after =
      page.cursor === undefined ? '' : (({ sortAt, id }) => indexKey(sortAt, id))(decodeCursor(page.cursor));
    const filter = odata`PartitionKey eq ${userPartition(tenantId, userId)} and RowKey gt ${after}`;
    const rows: Intro[] = [];
    const pages = tables.introsByUser
      .listEntities<JsonEntity>({ queryOptions: { filter } })
      .byPage({ maxPageSize: page.limit + 1 });
    for await (const batch of pages) {
      rows.push(...batch.map(toIntro));
      if (rows.length > page.limit) break;
    }
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    const more = rows.length > page.limit && last !== undefined;
    return { items, ...(more ? { nextCursor: encodeCursor({ sortAt: introSortAt(last), id: last.id }) } : {}) };
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
    create: (intro) => save(intro, 'create'),
    update: (intro) => save(intro, 'update'),
    get: async (tenantId, id) => {
      const entity = await getEntity(tenantId, id);
      return entity && toIntro(entity);
    },
    findByMeeting: async (tenantId, meetingId) => {
      const found = await unless([404], () =>
        tables.introsByMeeting.getEntity<{ introId: string }>(tenantId, safeKey(meetingId)),
      );
      const entity = found && (await getEntity(tenantId, found.introId));
      return entity && toIntro(entity);
    },
    listForUser: list,
    delete: remove,
    getSession: sessions.get,
    saveSession: sessions.save,
  };
}
