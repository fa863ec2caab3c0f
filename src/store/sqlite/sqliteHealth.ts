import type Database from 'better-sqlite3';
import type { StoreHealth } from '../../app/ports';
import type { WriteFaults } from '../writeFaults';
import { expectedTables } from './schemaCheck';

const DAMAGE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

type Watched = Record<string, (...args: unknown[]) => unknown> & { readonly reader: boolean };

/**
 * Watches every statement prepared on `db` from now on. It remembers the first "the file is damaged" error: such a
 * file does not heal, so readiness fails from then on (a restart runs quick_check and refuses the file), rather than
 * answering 200 while reads fail. And a write that goes through tells `faults` that the disk takes writes again.
 */
function watchStatements(db: Database.Database, faults: WriteFaults): () => Error | undefined {
  let damage: Error | undefined;
  const prepare = db.prepare.bind(db);
  const watched = (source: string) => {
    const statement = prepare(source) as unknown as Watched;
    for (const method of ['run', 'get', 'all', 'iterate']) {
      const original = statement[method]!.bind(statement);
      statement[method] = (...args: unknown[]) => {
        try {
          const result = original(...args);
          if (method === 'run' && !statement.reader) faults.wrote();
          return result;
        } catch (error) {
          if (DAMAGE.has((error as { code?: string }).code ?? '')) damage ??= error as Error;
          throw error;
        }
      };
    }
    return statement;
  };
  db.prepare = watched as unknown as typeof db.prepare;
  return () => damage;
}

/**
 * Readiness: a real read of every table the migrations make (the first row of each), not a `SELECT 1`; and, while
 * writes are being refused, one tiny write, so readiness comes back by itself once space returns even when the load
 * balancer sends no writes meanwhile. Call before any adapter prepares its statements, so every one is watched.
 */
export function sqliteHealth(db: Database.Database, file: string, faults: WriteFaults): StoreHealth {
  const damaged = watchStatements(db, faults);
  const reads = expectedTables().map((table) => db.prepare(`SELECT * FROM "${table}" LIMIT 1`));
  const probe = db.prepare(`INSERT INTO store_probe (id, written_at) VALUES (1, ?)
    ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at`);
  return {
    ping: async () => {
      for (const read of reads) read.all();
      const damage = damaged();
      if (damage)
        throw new Error(`The database ${file} answered a read with "${damage.message}": restart to check it.`);
      if (!faults.current()) return;
      try {
        probe.run(new Date().toISOString());
      } catch (error) {
        faults.rethrow(error);
      }
    },
  };
}
