import { randomBytes, randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import type { NotesKey } from '../../src/app/ports';
import { keyVaultKeyWrapper } from '../../src/crypto/keyVaultWrapper';
import { localKeyWrapper } from '../../src/crypto/localKeyWrapper';
import { fromChunks, toChunks } from '../../src/store/azure-tables/tables';
import { startKeyVaultStub, type KeyVaultStub } from '../support/keyVaultStub';
import { openTableStore } from '../../src/store/azure-tables/openTableStore';
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
