-- ListObjectVersions and "latest" order a key's versions by last-modified, then insertion (store/version-order.ts):
-- a replica of an older version can be inserted after a newer one. Replaces the insertion-order index.
DROP INDEX object_versions_by_key_seq;
CREATE INDEX object_versions_by_key_date ON object_versions (bucket_id, key, last_modified DESC, seq DESC);
