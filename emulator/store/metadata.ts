import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reusePreparedStatements } from './statement-cache';

export type MetadataDb = Database.Database;

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** Opens (creating if needed) the metadata database and applies pending migrations in order. */
export function openMetadataDb(dataDir: string): MetadataDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'metadata.sqlite'));
  reusePreparedStatements(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  applyMigrations(db, MIGRATIONS_DIR);
  // Group commit: from here on a commit is written to the WAL without an fsync on the event loop; Store.durable()
  // (awaited by the HTTP server before it answers a request that may have written) fsyncs the WAL for many commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 10000');
  return db;
}

export function applyMigrations(db: MetadataDb, dir: string): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(
    db.prepare<[], { name: string }>('SELECT name FROM schema_migrations').all().map((row) => row.name),
  );
  const files = readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort();
  const newlyApplied: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = readFileSync(path.join(dir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(file, Date.now());
    })();
    newlyApplied.push(file);
  }
  return newlyApplied;
}
