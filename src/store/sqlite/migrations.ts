import type Database from 'better-sqlite3';

/** Schema changes in order; append only, never edit one that has shipped. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE intros (
     tenant_id TEXT NOT NULL, id TEXT NOT NULL, leader_id TEXT NOT NULL, member_id TEXT, meeting_id TEXT,
     scheduled_start TEXT, created_at TEXT NOT NULL, sort_at INTEGER NOT NULL, status TEXT NOT NULL, json TEXT NOT NULL,
     PRIMARY KEY (tenant_id, id)) WITHOUT ROWID;
   CREATE INDEX intros_by_leader ON intros (tenant_id, leader_id, sort_at, id);
   CREATE INDEX intros_by_member ON intros (tenant_id, member_id, sort_at, id);
   CREATE INDEX intros_by_meeting ON intros (tenant_id, meeting_id);
   CREATE TABLE sessions (
     tenant_id TEXT NOT NULL, intro_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL,
     PRIMARY KEY (tenant_id, intro_id)) WITHOUT ROWID;
   CREATE TABLE notes (
     tenant_id TEXT NOT NULL, intro_id TEXT NOT NULL, author_id TEXT NOT NULL, version INTEGER NOT NULL,
     updated_at TEXT NOT NULL, json TEXT NOT NULL,
     PRIMARY KEY (tenant_id, intro_id, author_id));
   CREATE INDEX notes_by_author ON notes (tenant_id, author_id, updated_at);
   CREATE TABLE conversations (
     tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, json TEXT NOT NULL,
     PRIMARY KEY (tenant_id, user_id)) WITHOUT ROWID;
   CREATE TABLE jobs (
     id TEXT PRIMARY KEY, kind TEXT NOT NULL, due_at INTEGER NOT NULL, payload TEXT NOT NULL,
     lease_id TEXT, lease_until INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL) WITHOUT ROWID;
   CREATE INDEX jobs_by_due ON jobs (due_at);
   CREATE TABLE bot_state (key TEXT PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL) WITHOUT ROWID;`,
  // Intros get a version for conditional updates, and one meeting holds at most one intro. Where two already
  // shared a meeting, the newest keeps it (the one findByMeeting returned) and the others lose the index entry.
  `ALTER TABLE intros ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
   UPDATE intros SET meeting_id = NULL WHERE meeting_id IS NOT NULL AND EXISTS (
     SELECT 1 FROM intros AS newer WHERE newer.tenant_id = intros.tenant_id AND newer.meeting_id = intros.meeting_id
     AND (newer.sort_at, newer.id) > (intros.sort_at, intros.id));
   DROP INDEX intros_by_meeting;
   CREATE UNIQUE INDEX intros_by_meeting ON intros (tenant_id, meeting_id) WHERE meeting_id IS NOT NULL;`,
  // Notes are sealed with a data key per author (wrapped by the KEK). Plain rows from earlier versions are sealed by
  // the store's upgrade pass on start, which then rewrites the file (VACUUM) while a pending_scrub row remains.
  `CREATE TABLE data_keys (
     tenant_id TEXT NOT NULL, author_id TEXT NOT NULL, kek_id TEXT NOT NULL, alg TEXT NOT NULL, wrapped BLOB NOT NULL,
     created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, author_id)) WITHOUT ROWID;
   CREATE TABLE pending_scrub (reason TEXT PRIMARY KEY) WITHOUT ROWID;
   INSERT INTO pending_scrub (reason) VALUES ('notes sealed at rest');`,
  // Teams the app is installed in, and each leader's plan of intros with a team ("meet my team").
  `CREATE TABLE teams (
     tenant_id TEXT NOT NULL, team_id TEXT NOT NULL, json TEXT NOT NULL,
     PRIMARY KEY (tenant_id, team_id)) WITHOUT ROWID;
   CREATE TABLE team_plans (
     tenant_id TEXT NOT NULL, team_id TEXT NOT NULL, leader_id TEXT NOT NULL, version INTEGER NOT NULL,
     json TEXT NOT NULL, PRIMARY KEY (tenant_id, team_id, leader_id)) WITHOUT ROWID;
   CREATE INDEX team_plans_by_leader ON team_plans (tenant_id, leader_id);`,
  // One row readiness rewrites while writes are refused (a full disk), to see them go through again.
  `CREATE TABLE store_probe (id INTEGER PRIMARY KEY, written_at TEXT NOT NULL);`,
];

function appliedVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Applies pending migrations, each in an immediate transaction so concurrent openers never apply one twice. */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  migrations.forEach((sql, index) => {
    const version = index + 1;
    db.transaction(() => {
      if (appliedVersion(db) >= version) return;
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        version,
        new Date().toISOString(),
      );
    }).immediate();
  });
  return appliedVersion(db);
}
