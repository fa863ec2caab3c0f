import { randomBytes, randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { DataKeyStore, NotesKey } from '../../src/app/ports';
import { dataKeyring } from '../../src/crypto/dataKeyring';
import { keyVaultKeyWrapper } from '../../src/crypto/keyVaultWrapper';
import { localKeyWrapper } from '../../src/crypto/localKeyWrapper';
import { rewrapDataKeys } from '../../src/crypto/rewrapDataKeys';
import { tableNotesStore } from '../../src/store/azure-tables/tableNotesStore';
import { fromChunks, tableClients, toChunks } from '../../src/store/azure-tables/tables';
import { encryptedNotesStore } from '../../src/store/encryptedNotes';
import { startKeyVaultStub, type KeyVaultStub } from '../support/keyVaultStub';
import { openTableStore } from '../../src/store/azure-tables/openTableStore';
import { at, newIntroId, newTenant, newUser, notesBody } from './fixtures';
import { describeStoreContract, type RawNotesAccess } from './storeContract';
import { startAzurite, type Azurite } from './support/azurite';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs('intro-azurite-');
let azurite: Azurite | undefined;
let vault: KeyVaultStub | undefined;
const credential = { getToken: async () => ({ token: 'x', expiresOnTimestamp: Date.now() + 3600e3 }) };

beforeAll(async () => {
  [azurite, vault] = await Promise.all([startAzurite(dirs.make()), startKeyVaultStub()]);
}, 30_000);

afterAll(async () => {
  await Promise.all([azurite?.stop(), vault?.stop()]);
  dirs.removeAll();
});

/** The notes table read and written past the store, as an admin with the storage account could. */
function rawNotes(connectionString: string, prefix: string): RawNotesAccess {
  const table = TableClient.fromConnectionString(connectionString, `${prefix}notes`, { allowInsecureConnection: true });
  const rowKey = (k: NotesKey) => `${k.authorId}_${k.introId}`;
  return {
    read: async (k) => {
      const entity = await table.getEntity(k.tenantId, rowKey(k)).catch(() => undefined);
      return entity && fromChunks(entity);
    },
    write: async (k, doc, version, updatedAt) => {
      const entity = { partitionKey: k.tenantId, rowKey: rowKey(k), introId: k.introId, authorId: k.authorId };
      await table.upsertEntity({ ...entity, version, updatedAt, ...toChunks(doc) }, 'Replace');
    },
  };
}

describeStoreContract('azure tables (Azurite) with Key Vault (stub)', async () => {
  if (!azurite || !vault) throw new Error('Azurite or the Key Vault stub is not running');
  const { connectionString } = azurite;
  const prefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const options = { keys: keyVaultKeyWrapper({ keyId: vault.keyId(), credential, insecureForTests: true }) };
  const store = await openTableStore(connectionString, prefix, options);
  return {
    store,
    raw: rawNotes(connectionString, prefix),
    reopen: () => openTableStore(connectionString, prefix, options),
    close: async () => store.close(),
  };
});

describe('azure tables store specifics', () => {
  it('refuses a table prefix Azure would reject', async () => {
    await expect(
      openTableStore(azurite!.connectionString, '1-bad', { keys: localKeyWrapper([randomBytes(32)]) }),
    ).rejects.toThrow(/prefix/);
  });
});

/**
 * Tables has no transaction across two tables: a notes write checks the author's key before and after. Here the key
 * changes between the two checks, on purpose, so the write lands and only the second check sees the change.
 */
describe('a notes write whose data key changed while it was written', () => {
  const oldKek = randomBytes(32);
  const before = localKeyWrapper([oldKek]);
  const rotated = localKeyWrapper([randomBytes(32), oldKek]);

  async function setUp() {
    const { connectionString } = azurite!;
    const prefix = `r${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const other = await openTableStore(connectionString, prefix, { keys: before });
    const tables = tableClients(connectionString, prefix);
    // Runs `meanwhile` once, inside the notes store's look number `trigger` at the key: the second look of a write is
    // after the write and before its check.
    let meanwhile: (() => Promise<void>) | undefined;
    let looks = 0;
    let trigger = 2;
    const keys: DataKeyStore = {
      ...other.dataKeys,
      get: async (tenantId, authorId) => {
        looks += 1;
        if (looks === trigger && meanwhile) await meanwhile();
        return other.dataKeys.get(tenantId, authorId);
      },
    };
    const notes = encryptedNotesStore(tableNotesStore(tables, keys), dataKeyring(other.dataKeys, rotated));
    const key: NotesKey = { tenantId: newTenant(), introId: newIntroId(), authorId: newUser() };
    // The author's key exists (wrapped by the old KEK) before the save under test starts.
    await other.notes.save({ ...key, introId: newIntroId() }, notesBody('earlier'), 0, at(1));
    const race = (run: () => Promise<void>, atLook = 2) => {
      looks = 0;
      trigger = atLook;
      meanwhile = run;
    };
    return { other, notes, key, race, raw: rawNotes(connectionString, prefix) };
  }

  it('takes its row back when the key was shredded meanwhile', async () => {
    const { other, notes, key, race, raw } = await setUp();
    race(() => other.dataKeys.delete(key.tenantId, key.authorId)); // the shred's first step; its row deletes follow
    expect(await notes.save(key, notesBody('late'), 0, at(2))).toEqual({ ok: false, current: undefined });
    expect(await raw.read(key)).toBeUndefined();
    await other.close();
  });

  it('leaves alone the row another save wrote after the shred, under the new key', async () => {
    const { other, notes, key, race } = await setUp();
    race(async () => {
      await other.notes.deleteAllByAuthor(key.tenantId, key.authorId);
      expect((await other.notes.save(key, notesBody('after the shred'), 0, at(3))).ok).toBe(true);
    });
    expect(await notes.save(key, notesBody('late'), 0, at(2))).toEqual({ ok: false, current: undefined });
    expect((await other.notes.get(key))?.text.goals).toBe('goals after the shred');
    await other.close();
  });

  it('keeps the save when the key was only rewrapped under a new KEK meanwhile', async () => {
    const { other, notes, key, race } = await setUp();
    race(async () => {
      expect(await rewrapDataKeys(other.dataKeys, rotated)).toBe(1);
    });
    const saved = await notes.save(key, notesBody('kept'), 0, at(2));
    expect(saved.ok).toBe(true);
    expect((await notes.get(key))?.text.goals).toBe('goals kept');
    await other.close();
  });

  it('keeps a save sealed again with a new key when that key is rewrapped during the second write', async () => {
    const { other, notes, key, race } = await setUp();
    await notes.save({ ...key, introId: newIntroId() }, notesBody('cached'), 0, at(1)); // this store caches the key
    await other.notes.deleteAllByAuthor(key.tenantId, key.authorId);
    await other.notes.save({ ...key, introId: newIntroId() }, notesBody('new key'), 0, at(2)); // made anew
    // Look 1 refuses the stale key; the write sealed again checks at look 2, writes, and checks at look 3.
    race(async () => {
      expect(await rewrapDataKeys(other.dataKeys, rotated)).toBe(1);
    }, 3);
    const saved = await notes.save(key, notesBody('twice sealed'), 0, at(3));
    expect(saved.ok).toBe(true);
    expect((await notes.get(key))?.text.goals).toBe('goals twice sealed');
    await other.close();
  });
});
