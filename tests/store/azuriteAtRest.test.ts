import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { localKeyWrapper } from '../../src/crypto/localKeyWrapper';
import { openTableStore } from '../../src/store/azure-tables/openTableStore';
import { toChunks } from '../../src/store/azure-tables/tables';
import { at, makeIntro, newTenant, notesBody } from './fixtures';
import { startAzurite } from './support/azurite';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs('intro-azurite-rest-');
afterAll(() => dirs.removeAll());

/** Every string in Azurite's files, and what it decodes to as base64 (binary properties are stored that way). */
function azuriteText(dir: string): Buffer {
  const parts: Buffer[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') parts.push(Buffer.from(value), Buffer.from(value, 'base64'));
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, file);
    if (!fs.statSync(full).isFile()) continue;
    const bytes = fs.readFileSync(full);
    parts.push(bytes);
    if (file.endsWith('.json')) visit(JSON.parse(bytes.toString('utf8')));
  }
  return Buffer.concat(parts);
}

describe('Azure Tables at rest (Azurite’s files)', () => {
  it('holds no note text after a save, an upgrade of plain entities and a delete, nor the deleted author’s key', async () => {
    const dir = dirs.make();
    const azurite = await startAzurite(dir);
    const prefix = `r${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const store = await openTableStore(azurite.connectionString, prefix, { keys: localKeyWrapper([randomBytes(32)]) });
    const intro = makeIntro({ tenantId: newTenant() });
    const saved = `saved${randomBytes(6).toString('hex')}`;
    const legacy = `legacy${randomBytes(6).toString('hex')}`;
    const leader = { tenantId: intro.tenantId, introId: intro.id, authorId: intro.leader.id };
    const member = { ...leader, authorId: intro.member!.id };
    await store.notes.save(leader, notesBody(saved), 0, at(1));
    const plain = JSON.stringify({ v: 1, body: notesBody(legacy), updatedAt: at(2) });
    const notesTable = TableClient.fromConnectionString(azurite.connectionString, `${prefix}notes`, {
      allowInsecureConnection: true,
    });
    await notesTable.createEntity({
      partitionKey: member.tenantId,
      rowKey: `${member.authorId}_${member.introId}`,
      ...{ introId: member.introId, authorId: member.authorId, version: 1, updatedAt: at(2) },
      ...toChunks(plain),
    });
    expect(await store.upgrade()).toBe(1);
    expect((await store.notes.get(member))?.text.goals).toBe(`goals ${legacy}`);
    const wrapped = (await store.dataKeys.get(leader.tenantId, leader.authorId))!.wrapped;
    await store.notes.deleteAllByAuthor(leader.tenantId, leader.authorId);
    await azurite.stop();
    const text = azuriteText(dir);
    expect(text.includes(legacy)).toBe(false);
    expect(text.includes(saved)).toBe(false);
    expect(text.includes(Buffer.from(wrapped))).toBe(false);
    expect(text.includes(member.authorId)).toBe(true); // the files were read: clear metadata is there
  }, 60_000);
});
