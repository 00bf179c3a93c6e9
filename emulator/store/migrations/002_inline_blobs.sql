-- Bytes of small blobs, kept in the metadata database instead of a file of their own: one WAL fsync (group commit)
-- then covers both an object's bytes and its version row. The id is a blob id like a file blob's.
CREATE TABLE inline_blobs (
  id TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
) WITHOUT ROWID;
