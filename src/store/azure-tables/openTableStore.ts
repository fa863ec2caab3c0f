import type { TableClient } from '@azure/data-tables';
import { dataKeyring } from '../../crypto/dataKeyring';
import type { KeyWrapper } from '../../app/ports';
import { encryptedNotesStore } from '../encryptedNotes';
import type { Store, StoreKeyOptions } from '../store';
import { StoreStartError } from '../storeStartError';
import { tableDataKeyStore } from './tableDataKeyStore';
import { tableBotStorage } from './tableBotStorage';
import { tableConversationStore } from './tableConversationStore';
import { tableIntroStore } from './tableIntroStore';
import { tableJobStore } from './tableJobStore';
import { tableNotesStore } from './tableNotesStore';
import { tableTeamPlanStore } from './tableTeamPlanStore';
import { tableClients, unless } from './tables';

// A row written once and read at every start and readiness probe; bot state lives in partition 'bot', never here.
const MARKER = { partitionKey: 'store', rowKey: 'marker' } as const;

/** Reads at most one entity (its keys only): a table that is gone answers 404. */
async function firstPage(table: TableClient): Promise<void> {
  const select = { select: ['PartitionKey'] };
  await table.listEntities({ queryOptions: select }).byPage({ maxPageSize: 1 }).next();
}

/** The account a connection string names (never its key), for startup messages. */
export function storageAccountName(connectionString: string): string {
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return 'devstoreaccount1';
  const named = /(?:^|;)\s*AccountName=([^;]+)/i.exec(connectionString)?.[1];
  const endpoint = /(?:^|;)\s*TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  return named ?? endpoint?.replace(/^\w+:\/\//, '').split('/')[0] ?? 'unknown account';
}

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
  const tables = tableClients(connectionString, tablePrefix);
  const account = storageAccountName(connectionString);
  const readMarker = () => tables.botState.getEntity(MARKER.partitionKey, MARKER.rowKey);
  try {
    await Promise.all(Object.values(tables).map((client) => client.createTable()));
    await unless([409], () => tables.botState.createEntity({ ...MARKER, createdAt: new Date().toISOString() }));
    await readMarker();
  } catch (error) {
    throw new StoreStartError(
      `Azure Table Storage account "${account}" (tables ${tablePrefix}*) does not answer reads: ` +
        `${(error as Error).message.split('\n')[0]}. Check STORAGE_CONNECTION_STRING and the account's firewall.`,
    );
  }
  const dataKeys = tableDataKeyStore(tables.dataKeys);
  const notes = encryptedNotesStore(
    tableNotesStore(tables, dataKeys),
    dataKeyring(dataKeys, options.keys, options.keyCache),
  );
  return {
    intros: tableIntroStore(tables),
    notes,
    dataKeys,
    conversations: tableConversationStore(tables.conversations),
    jobs: tableJobStore(tables.jobs),
    teamPlans: tableTeamPlanStore(tables.teams, tables.teamPlans),
    botStorage: tableBotStorage(tables.botState),
    health: {
      // The known row, and one entity's worth of every table, so a table deleted under a running store (team plans
      // included) takes the instance out of rotation.
      ping: async () => {
        await Promise.all([readMarker(), ...Object.values(tables).map(firstPage)]);
      },
    },
    upgrade: () => notes.sealPlainRows(),
    close: async () => undefined,
  };
}
