import { TableClient } from '@azure/data-tables';
import { dataKeyring } from '../../crypto/dataKeyring';
import type { KeyWrapper } from '../../app/ports';
import { encryptedNotesStore } from '../encryptedNotes';
import type { Store, StoreKeyOptions } from '../store';
import { tableDataKeyStore } from './tableDataKeyStore';
import { tableBotStorage } from './tableBotStorage';
import { tableConversationStore } from './tableConversationStore';
import { tableIntroStore } from './tableIntroStore';
import { tableJobStore } from './tableJobStore';
import { tableNotesStore } from './tableNotesStore';
import { TABLE_NAMES, type Tables } from './tables';

/**
 * Opens the store on Azure Table Storage (or Azurite, or Cosmos DB for Table), creating its tables if missing. Notes
 * are sealed with data keys wrapped by `options.keys`, which every instance must share (Key Vault or NOTES_KEK).
 */
export async function openTableStore(
  connectionString: string,
  tablePrefix: string,
  options: StoreKeyOptions & { readonly keys: KeyWrapper },
): Promise<Store> {
  if (!/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(tablePrefix)) {
    throw new Error(`Table prefix "${tablePrefix}" must be a letter followed by up to 40 letters or digits.`);
  }
  const insecure = /^DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|=http:\/\//i.test(connectionString);
  const entries = TABLE_NAMES.map(
    (name) =>
      [
        name,
        TableClient.fromConnectionString(connectionString, `${tablePrefix}${name}`, {
          allowInsecureConnection: insecure,
        }),
      ] as const,
  );
  await Promise.all(entries.map(([, client]) => client.createTable()));
  const tables = Object.fromEntries(entries) as Tables;
  const dataKeys = tableDataKeyStore(tables.dataKeys);
  const notes = encryptedNotesStore(tableNotesStore(tables), dataKeyring(dataKeys, options.keys, options.keyCache));
  return {
    intros: tableIntroStore(tables),
    notes,
    dataKeys,
    conversations: tableConversationStore(tables.conversations),
    jobs: tableJobStore(tables.jobs),
    botStorage: tableBotStorage(tables.botState),
    health: {
      ping: async () => {
        await tables.intros
          .listEntities({ queryOptions: { filter: "PartitionKey eq 'ping'" } })
          .byPage({ maxPageSize: 1 })
          .next();
      },
    },
    upgrade: () => notes.sealPlainRows(),
    close: () => undefined,
  };
}
