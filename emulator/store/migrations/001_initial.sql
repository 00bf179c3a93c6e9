-- Buckets, object versions (incl. delete markers) and multipart uploads.
-- Times are epoch milliseconds. Version ids are opaque strings; 'null' is the null version.

CREATE TABLE buckets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  region TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  versioning TEXT CHECK (versioning IN ('Enabled', 'Suspended')),
  tags TEXT,
  replication_config TEXT
);

CREATE TABLE object_versions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  version_id TEXT NOT NULL,
  is_latest INTEGER NOT NULL DEFAULT 1,
  is_delete_marker INTEGER NOT NULL DEFAULT 0,
  last_modified INTEGER NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  etag TEXT,
  blob_id TEXT,
  parts_count INTEGER,
  content_type TEXT,
  content_encoding TEXT,
  content_disposition TEXT,
  content_language TEXT,
  cache_control TEXT,
  expires TEXT,
  user_metadata TEXT,
  tags TEXT,
  storage_class TEXT NOT NULL DEFAULT 'STANDARD',
  sse TEXT,
  sse_kms_key_id TEXT,
  checksum_algorithm TEXT,
  checksum_value TEXT,
  checksum_type TEXT,
  owner_id TEXT NOT NULL,
  replication_status TEXT CHECK (replication_status IN ('PENDING', 'COMPLETED', 'FAILED', 'REPLICA')),
  replication_failure_reason TEXT
);

CREATE UNIQUE INDEX object_versions_by_version ON object_versions (bucket_id, key, version_id);
-- ListObjectVersions: key order, newest first.
CREATE INDEX object_versions_by_key_seq ON object_versions (bucket_id, key, seq DESC);
-- ListObjects / ListObjectsV2: only current, non-delete-marker versions.
CREATE INDEX object_versions_current ON object_versions (bucket_id, key) WHERE is_latest = 1 AND is_delete_marker = 0;
CREATE INDEX object_versions_blob ON object_versions (blob_id) WHERE blob_id IS NOT NULL;

CREATE TABLE multipart_uploads (
  upload_id TEXT PRIMARY KEY,
  bucket_id INTEGER NOT NULL REFERENCES buckets(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  initiated_at INTEGER NOT NULL,
  owner_id TEXT NOT NULL,
  content_type TEXT,
  content_encoding TEXT,
  content_disposition TEXT,
  content_language TEXT,
  cache_control TEXT,
  expires TEXT,
  user_metadata TEXT,
  tags TEXT,
  storage_class TEXT NOT NULL DEFAULT 'STANDARD',
  sse TEXT,
  sse_kms_key_id TEXT,
  checksum_algorithm TEXT
);
CREATE INDEX multipart_uploads_by_key ON multipart_uploads (bucket_id, key, initiated_at, upload_id);

CREATE TABLE multipart_parts (
  upload_id TEXT NOT NULL REFERENCES multipart_uploads(upload_id) ON DELETE CASCADE,
  part_number INTEGER NOT NULL,
  size INTEGER NOT NULL,
  etag TEXT NOT NULL,
  blob_id TEXT NOT NULL,
  last_modified INTEGER NOT NULL,
  checksum_value TEXT,
  PRIMARY KEY (upload_id, part_number)
);
CREATE INDEX multipart_parts_blob ON multipart_parts (blob_id);
