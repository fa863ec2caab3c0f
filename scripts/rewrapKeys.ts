// After rotating the key-encryption key: rewraps every author's data key under the current one (notes untouched).
// Run with the app's own environment: `npm run keys:rewrap`. Safe while the app runs; safe to run twice.
import { loadConfig } from '../src/config';
import { keyWrapperFor } from '../src/crypto/keyWrapperFor';
import { rewrapDataKeys } from '../src/crypto/rewrapDataKeys';
import { openTableStore } from '../src/store/azure-tables/openTableStore';
import { openSqliteStore } from '../src/store/sqlite/openSqliteStore';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const keys = keyWrapperFor(config.keys, config.dataDir);
  const store = config.storageConnectionString
    ? await openTableStore(config.storageConnectionString, 'intro', { keys })
    : openSqliteStore(config.dataDir, { keys });
  try {
    const rewrapped = await rewrapDataKeys(store.dataKeys, keys);
    process.stdout.write(`Rewrapped ${rewrapped} data key(s) under the current key-encryption key.\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
