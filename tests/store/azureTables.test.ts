import { randomUUID } from 'node:crypto';
import { openTableStore } from '../../src/store/azure-tables/openTableStore';
import { describeStoreContract } from './storeContract';
import { startAzurite, type Azurite } from './support/azurite';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs('intro-azurite-');
let azurite: Azurite | undefined;

beforeAll(async () => {
  azurite = await startAzurite(dirs.make());
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
  dirs.removeAll();
});

describeStoreContract('azure tables (Azurite)', async () => {
  if (!azurite) throw new Error('Azurite is not running');
  const { connectionString } = azurite;
  const prefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await openTableStore(connectionString, prefix);
  return {
    store,
    reopen: () => openTableStore(connectionString, prefix),
    close: async () => store.close(),
  };
});

describe('azure tables store specifics', () => {
  it('refuses a table prefix Azure would reject', async () => {
    await expect(openTableStore(azurite!.connectionString, '1-bad')).rejects.toThrow(/prefix/);
  });
});
