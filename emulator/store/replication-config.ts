import type { BucketStore } from './buckets';
import type { MetadataDb } from './metadata';
import type { Bucket } from './types';

/** A rule as the epoch table sees it: its ID and a canonical text of its whole content. */
export interface RuleFingerprint {
  ruleId: string;
  content: string;
}

/**
 * Stores a bucket's replication configuration (raw XML in `buckets.replication_config`) together with when each
 * rule came into force, in one transaction. A rule keeps its start time while its ID and content stay the same;
 * a new or changed rule starts now.
 */
export function saveReplicationConfiguration(
  db: MetadataDb,
  buckets: BucketStore,
  bucket: Bucket,
  xml: string,
  rules: RuleFingerprint[],
  now: number,
): void {
  db.transaction(() => {
    const previous = new Map(
      db
        .prepare<[number], { rule_id: string; content: string; effective_since: number }>(
          'SELECT rule_id, content, effective_since FROM replication_rule_epochs WHERE bucket_id = ?',
        )
        .all(bucket.id)
        .map((row) => [row.rule_id, row]),
    );
    db.prepare('DELETE FROM replication_rule_epochs WHERE bucket_id = ?').run(bucket.id);
    const insert = db.prepare(
      'INSERT INTO replication_rule_epochs (bucket_id, rule_id, content, effective_since) VALUES (?, ?, ?, ?)',
    );
    for (const rule of rules) {
      const kept = previous.get(rule.ruleId);
      const since = kept && kept.content === rule.content ? kept.effective_since : now;
      insert.run(bucket.id, rule.ruleId, rule.content, since);
    }
    buckets.setReplicationConfig(bucket.name, xml);
  })();
}

export function deleteReplicationConfiguration(db: MetadataDb, buckets: BucketStore, bucket: Bucket): void {
  db.transaction(() => {
    db.prepare('DELETE FROM replication_rule_epochs WHERE bucket_id = ?').run(bucket.id);
    buckets.setReplicationConfig(bucket.name, null);
  })();
}

/** Rule ID → epoch ms the rule came into force. */
export function ruleEffectiveTimes(db: MetadataDb, bucketId: number): Map<string, number> {
  return new Map(
    db
      .prepare<[number], { rule_id: string; effective_since: number }>(
        'SELECT rule_id, effective_since FROM replication_rule_epochs WHERE bucket_id = ?',
      )
      .all(bucketId)
      .map((row) => [row.rule_id, row.effective_since]),
  );
}

/** name → region, or undefined when no such bucket exists. */
export function bucketRegion(db: MetadataDb, name: string): string | undefined {
  return db.prepare<[string], { region: string }>('SELECT region FROM buckets WHERE name = ?').get(name)?.region;
}
