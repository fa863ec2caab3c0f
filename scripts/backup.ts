// npm run backup -- <folder> [--with-keys]: a consistent copy of the running SQLite store (docs/OPERATIONS.md).
import { ConfigError, loadConfig } from '../src/config';
import { backupStore } from '../src/store/sqlite/backup';

async function main(args: readonly string[]): Promise<void> {
  const withKeys = args.includes('--with-keys');
  const [folder, ...rest] = args.filter((arg) => arg !== '--with-keys');
  if (!folder || rest.length > 0 || folder.startsWith('-')) {
    throw new Error('Usage: npm run backup -- <folder> [--with-keys]');
  }
  const config = loadConfig(process.env);
  if (config.storageConnectionString) {
    throw new Error(
      'This app stores its data in Azure Table Storage: copy its tables with Azure Data Factory (see docs/OPERATIONS.md, Backups).',
    );
  }
  const report = await backupStore(config.dataDir, folder, { withKeys });
  const keys = withKeys
    ? `${report.dataKeys} wrapped data keys included: keep this file under the same retention as deletions`
    : 'data keys left out: a restore keeps the live ones';
  process.stdout.write(`Backed up to ${report.file} (${report.notes} notes rows; ${keys}).\n`);
  process.stdout.write(
    'The key-encryption key is not in the backup: keep NOTES_KEK / Key Vault / notes-kek.key apart.\n',
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Backup failed: ${message}\n`);
  process.exit(1);
});
