import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface DataDirCheck {
  /** `PRAGMA integrity_check` result ('ok' when sound). */
  integrity: string;
  /** Blob files, inline blobs or temp files that no version or part references. */
  orphans: number;
  /** Blob ids referenced by metadata whose bytes are nowhere (neither a file nor an inline blob). */
  missingBlobs: number;
  blobFiles: number;
  /** Blobs kept as rows of the metadata database. */
  inlineBlobs: number;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? readdirSync(path.join(dir, entry.name)) : [entry.name],
  );
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Checks a stopped endpoint's data directory: SQLite integrity and blob files against the blob ids in the DB. */
export function checkDataDir(dataDir: string): DataDirCheck {
  const db = new Database(path.join(dataDir, 'metadata.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
    const referenced = new Set(
      db
        .prepare<[], { blob_id: string }>(
          'SELECT blob_id FROM object_versions WHERE blob_id IS NOT NULL UNION SELECT blob_id FROM multipart_parts',
        )
        .all()
        .map((row) => row.blob_id),
    );
    const onDisk = filesUnder(path.join(dataDir, 'blobs'));
    // Small bodies may live in the database itself (inline blobs) rather than in files.
    const inline = hasTable(db, 'inline_blobs')
      ? db.prepare<[], { id: string }>('SELECT id FROM inline_blobs').all().map((row) => row.id)
      : [];
    const stored = new Set([...onDisk, ...inline]);
    const temp = filesUnder(path.join(dataDir, 'tmp'));
    return {
      integrity,
      orphans: [...onDisk, ...inline].filter((id) => !referenced.has(id)).length + temp.length,
      missingBlobs: [...referenced].filter((id) => !stored.has(id)).length,
      blobFiles: onDisk.length,
      inlineBlobs: inline.length,
    };
  } finally {
    db.close();
  }
}
