import type Database from 'better-sqlite3';
import type { BucketStore } from './buckets';
import { walkKeys, type WalkCursor, type WalkEntry, type WalkSource } from './key-walk';
import type { MetadataDb } from './metadata';
import { checksumFromColumns } from './rows';
import type { ObjectVersion } from './types';
import { isWellFormedVersionId } from './version-ids';
import { NEWEST_FIRST, OLDER_THAN_POSITION, olderThanParams, type VersionPosition } from './version-order';
import { S3Error } from '../s3/errors';

export interface ListPage<Row> {
  entries: WalkEntry<Row>[];
  isTruncated: boolean;
}

export interface ListObjectsQuery {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  /** Exclusive start key (v1 marker / v2 start-after); a common prefix equal to it is not repeated. */
  after?: string;
  /** Opaque position from a previous page (v2 continuation token), wins over `after`. */
  resumeAt?: WalkCursor<never>;
}

export interface ListVersionsQuery {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  keyMarker?: string;
  versionIdMarker?: string;
}

/** The columns the listings render (ListObjects, ListObjectsV2, ListObjectVersions) and page by, in this order. */
const LISTED_COLUMNS =
  'seq, key, version_id, is_latest, is_delete_marker, last_modified, size, etag, storage_class, checksum_algorithm, checksum_value, checksum_type';
type ListedRow = [number, string, string, number, number, number, number, string | null, string, string | null, string | null, string | null];

/** What a listing knows of a version: the fields ListObjects, ListObjectsV2 and ListObjectVersions render. */
export type ListedVersion = Pick<
  ObjectVersion,
  'seq' | 'bucketId' | 'key' | 'versionId' | 'isLatest' | 'isDeleteMarker' | 'lastModified' | 'size' | 'etag' | 'storageClass' | 'checksum'
>;

/**
 * A listing reads only LISTED_COLUMNS, as raw rows: selecting every column and building full versions was most of
 * the endpoint's cost per 1,000-key page (about 5.5 ms against 1.7 ms).
 */
function listedVersion(bucketId: number, row: ListedRow): ListedVersion {
  return {
    seq: row[0],
    bucketId,
    key: row[1],
    versionId: row[2],
    isLatest: row[3] === 1,
    isDeleteMarker: row[4] === 1,
    lastModified: row[5],
    size: row[6],
    etag: row[7],
    storageClass: row[8],
    checksum: checksumFromColumns(row[9], row[10], row[11]),
  };
}

function* listedVersions(db: MetadataDb, bucketId: number, sql: string, params: (string | number)[]): Generator<ListedVersion> {
  const statement = db.prepare<(string | number)[], ListedRow>(sql).raw(true) as unknown as Database.Statement<(string | number)[], ListedRow>;
  for (const row of statement.iterate(...params)) yield listedVersion(bucketId, row);
}

function lowerBoundSql(cursor: WalkCursor<unknown>): string {
  return cursor.inclusive ? 'key >= ?' : 'key > ?';
}

export class Listing {
  constructor(
    private readonly db: MetadataDb,
    private readonly buckets: BucketStore,
  ) {}

  /** Current, non-deleted objects in key order (ListObjects / ListObjectsV2). */
  currentObjects(bucketName: string, query: ListObjectsQuery): ListPage<ListedVersion> & { next: WalkCursor<never> | null } {
    const bucket = this.buckets.require(bucketName);
    const db = this.db;
    const source: WalkSource<ListedVersion, never> = {
      fetch(cursor, upper, limit) {
        const sql =
          `SELECT ${LISTED_COLUMNS} FROM object_versions WHERE bucket_id = ? AND is_latest = 1 AND is_delete_marker = 0 AND ${lowerBoundSql(cursor)}` +
          (upper === null ? '' : ' AND key < ?') +
          ' ORDER BY key LIMIT ?';
        const params: (string | number)[] = [bucket.id, cursor.key];
        if (upper !== null) params.push(upper);
        params.push(limit);
        return listedVersions(db, bucket.id, sql, params);
      },
      keyOf: (row) => row.key,
      cursorAfter: (row) => ({ key: row.key, inclusive: false }),
    };
    const start = query.resumeAt ?? (query.after !== undefined ? { key: query.after, inclusive: false } : null);
    return walkKeys(source, {
      prefix: query.prefix,
      delimiter: query.delimiter,
      start,
      skipPrefix: query.resumeAt ? undefined : query.after,
      maxItems: query.maxKeys,
    });
  }

  /** Versions and delete markers: keys ascending, newest version first within a key (ListObjectVersions). */
  versions(bucketName: string, query: ListVersionsQuery): ListPage<ListedVersion> {
    const bucket = this.buckets.require(bucketName);
    if (query.versionIdMarker !== undefined && query.versionIdMarker !== '' && !query.keyMarker) {
      throw new S3Error('InvalidArgument', {
        message: 'A version-id marker cannot be specified without a key marker.',
        extra: { ArgumentName: 'version-id-marker', ArgumentValue: query.versionIdMarker },
      });
    }
    let start: WalkCursor<VersionPosition> | null = null;
    if (query.keyMarker) {
      start = { key: query.keyMarker, inclusive: false };
      if (query.versionIdMarker) {
        if (!isWellFormedVersionId(query.versionIdMarker)) {
          throw new S3Error('InvalidArgument', {
            message: 'Invalid version id specified',
            extra: { ArgumentName: 'version-id-marker', ArgumentValue: query.versionIdMarker },
          });
        }
        const marker = this.db
          .prepare<[number, string, string], { seq: number; last_modified: number }>(
            'SELECT seq, last_modified FROM object_versions WHERE bucket_id = ? AND key = ? AND version_id = ?',
          )
          .get(bucket.id, query.keyMarker, query.versionIdMarker);
        if (marker) start = { key: query.keyMarker, inclusive: false, within: { lastModified: marker.last_modified, seq: marker.seq } };
      }
    }
    const db = this.db;
    const source: WalkSource<ListedVersion, VersionPosition> = {
      *fetch(cursor, upper, limit) {
        let produced = 0;
        if (cursor.within !== undefined) {
          for (const version of listedVersions(
            db,
            bucket.id,
            `SELECT ${LISTED_COLUMNS} FROM object_versions WHERE bucket_id = ? AND key = ? AND ${OLDER_THAN_POSITION} ORDER BY ${NEWEST_FIRST} LIMIT ?`,
            [bucket.id, cursor.key, ...olderThanParams(cursor.within), limit],
          )) {
            produced += 1;
            yield version;
          }
        }
        if (produced >= limit) return;
        const sql =
          `SELECT ${LISTED_COLUMNS} FROM object_versions WHERE bucket_id = ? AND ${cursor.within !== undefined ? 'key > ?' : lowerBoundSql(cursor)}` +
          (upper === null ? '' : ' AND key < ?') +
          ` ORDER BY key, ${NEWEST_FIRST} LIMIT ?`;
        const params: (string | number)[] = [bucket.id, cursor.key];
        if (upper !== null) params.push(upper);
        params.push(limit - produced);
        yield* listedVersions(db, bucket.id, sql, params);
      },
      keyOf: (row) => row.key,
      cursorAfter: (row) => ({ key: row.key, inclusive: false, within: { lastModified: row.lastModified, seq: row.seq } }),
    };
    return walkKeys(source, {
      prefix: query.prefix,
      delimiter: query.delimiter,
      start,
      skipPrefix: query.versionIdMarker ? undefined : query.keyMarker,
      maxItems: query.maxKeys,
    });
  }
}
