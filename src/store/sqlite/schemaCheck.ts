import Database from 'better-sqlite3';
import { StoreStartError } from '../storeStartError';
import { migrate } from './migrations';

/** Each table's columns, and the named indexes, of one database. */
interface Schema {
  readonly tables: ReadonlyMap<string, readonly string[]>;
  readonly indexes: readonly string[];
}

function schemaOf(db: Database.Database): Schema {
  const names = (type: string) =>
    db
      .prepare<[string], string>(
        "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all(type);
  const columns = (table: string) =>
    (db.pragma(`table_info("${table.replace(/"/g, '""')}")`) as { name: string }[]).map((column) => column.name);
  return {
    tables: new Map(names('table').map((table) => [table, columns(table)])),
    indexes: names('index'),
  };
}

let expected: Schema | undefined;

/** The schema the migrations build, made once in memory (a few milliseconds) and kept. */
function expectedSchema(): Schema {
  if (!expected) {
    const db = new Database(':memory:');
    try {
      migrate(db);
      expected = schemaOf(db);
    } finally {
      db.close();
    }
  }
  return expected;
}

/** Every table the migrations create (readiness reads a row of each, so no record kind goes unchecked). */
export function expectedTables(): string[] {
  return [...expectedSchema().tables.keys()];
}

/** What the database lacks of the schema its migrations promise, one phrase per table, column or index. */
function missingSchema(db: Database.Database): string[] {
  const actual = schemaOf(db);
  const missing: string[] = [];
  for (const [table, columns] of expectedSchema().tables) {
    const present = actual.tables.get(table);
    if (!present) missing.push(`table ${table}`);
    else for (const column of columns.filter((c) => !present.includes(c))) missing.push(`column ${table}.${column}`);
  }
  for (const index of expectedSchema().indexes.filter((i) => !actual.indexes.includes(i))) {
    missing.push(`index ${index}`);
  }
  return missing;
}

/**
 * Refuses a database whose migrations are recorded as applied but whose tables, columns or indexes are gone (dropped
 * by hand, or a partial copy): every query on them would fail later with a bare "no such table".
 */
export function checkSchema(db: Database.Database, file: string): void {
  const missing = missingSchema(db);
  if (missing.length === 0) return;
  throw new StoreStartError(
    `The database ${file} lacks ${missing.join(', ')}, which its recorded migrations created: it was changed by ` +
      'hand or copied in part. Stop every instance, then restore a backup (npm run restore -- <backup file>), or ' +
      'move the file away to start with an empty store.',
  );
}
