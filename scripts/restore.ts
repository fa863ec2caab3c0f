// npm run restore -- <backup file> [--with-keys]: puts a backup back while the app is stopped (docs/OPERATIONS.md).
import { ConfigError, loadConfig } from '../src/config';
import { restoreStore } from '../src/store/sqlite/restore';

function main(args: readonly string[]): void {
  const withKeys = args.includes('--with-keys');
  const [file, ...rest] = args.filter((arg) => arg !== '--with-keys');
  if (!file || rest.length > 0 || file.startsWith('-')) {
    throw new Error('Usage: npm run restore -- <backup file> [--with-keys]');
  }
  const config = loadConfig(process.env);
  if (config.storageConnectionString) {
    throw new Error(
      'This app stores its data in Azure Table Storage: restore its tables from your copy (see docs/OPERATIONS.md, Backups).',
    );
  }
  const report = restoreStore(config.dataDir, file, { withKeys });
  process.stdout.write(
    `Restored ${report.file} (${report.notes} notes rows, ${report.dataKeys} data keys` +
      `${report.shredded > 0 ? `; ${report.shredded} rows of people deleted since the backup dropped` : ''}).\n` +
      'Start the app with the same key-encryption key (NOTES_KEK, Key Vault key or notes-kek.key) as before.\n',
  );
}

try {
  main(process.argv.slice(2));
} catch (error: unknown) {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Restore failed: ${message}\n`);
  process.exit(1);
}
