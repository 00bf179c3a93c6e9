-- inline_blobs as a rowid table: rows of several KiB in a WITHOUT ROWID table keyed by random ids rewrite whole
-- leaf and overflow pages on every insert; with a rowid, rows append in order and only the small id index is random.
CREATE TABLE inline_blobs_rowid (
  id TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);
INSERT INTO inline_blobs_rowid (id, bytes) SELECT id, bytes FROM inline_blobs;
DROP TABLE inline_blobs;
ALTER TABLE inline_blobs_rowid RENAME TO inline_blobs;
