import { randomBytes, randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { localKeyWrapper } from '../../src/crypto/localKeyWrapper';
import { openTableStore, storageAccountName } from '../../src/store/azure-tables/openTableStore';
import { startAzurite, type Azurite } from './support/azurite';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs('intro-azurite-start-');
let azurite: Azurite | undefined;
const keys = localKeyWrapper([randomBytes(32)]);
const prefix = () => `s${randomUUID().replace(/-/g, '').slice(0, 12)}`;

beforeAll(async () => {
  azurite = await startAzurite(dirs.make());
}, 30_000);
afterAll(async () => {
  await azurite?.stop();
  dirs.removeAll();
});

describe('Azure Tables at startup', () => {
  it.each([
    [
      'DefaultEndpointsProtocol=https;AccountName=introprod;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net',
      'introprod',
    ],
    ['UseDevelopmentStorage=true', 'devstoreaccount1'],
    [
      'TableEndpoint=https://acct.table.core.windows.net/;SharedAccessSignature=sv=x&sig=y',
      'acct.table.core.windows.net',
    ],
  ])('names the account of %s, never its key', (connectionString, account) => {
    expect(storageAccountName(connectionString)).toBe(account);
  });

  it('reads its known row at start and for readiness', async () => {
    const store = await openTableStore(azurite!.connectionString, prefix(), { keys });
    await expect(store.health.ping()).resolves.toBeUndefined();
    await store.close();
  });

  it('fails readiness once the team plans table is gone', async () => {
    const tables = prefix();
    const store = await openTableStore(azurite!.connectionString, tables, { keys });
    await expect(store.health.ping()).resolves.toBeUndefined();
    const client = TableClient.fromConnectionString(azurite!.connectionString, `${tables}teamPlans`, {
      allowInsecureConnection: true,
    });
    await client.deleteTable();
    await expect(store.health.ping()).rejects.toThrow();
    await store.close();
  });

  it('refuses to start when the account does not answer reads, naming the account and not the key', async () => {
    const wrongKey = azurite!.connectionString.replace(
      /AccountKey=[^;]+/,
      `AccountKey=${randomBytes(64).toString('base64')}`,
    );
    const failure = openTableStore(wrongKey, prefix(), { keys });
    await expect(failure).rejects.toThrow(/Azure Table Storage account "devstoreaccount1" .* does not answer reads/);
    await expect(failure).rejects.not.toThrow(/AccountKey/);
  });
});
