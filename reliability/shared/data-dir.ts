import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface DataDirCheck {
  /** `PRAGMA integrity_check` result ('ok' when sound). */
  integrity: string;
  /** Blob or temp files no metadata row references. */
  orphans: number;
  /** Blob ids referenced by metadata whose file is missing. */
  missingBlobs: number;
  blobFiles: number;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? readdirSync(path.join(dir, entry.name)) : [entry.name],
  );
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
    const onDiskSet = new Set(onDisk);
    const temp = filesUnder(path.join(dataDir, 'tmp'));
    return {
      integrity,
      orphans: onDisk.filter((id) => !referenced.has(id)).length + temp.length,
      missingBlobs: [...referenced].filter((id) => !onDiskSet.has(id)).length,
      blobFiles: onDisk.length,
    };
  } finally {
    db.close();
  }
}
