import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { replicationConfigToXml } from '@/lib/replication/xml';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import type { Logger } from '../http/types';
import { saveReplicationConfiguration } from '../store/replication-config';
import { writeReplica } from '../store/replication-replica';
import { emptyAttributes, type ObjectVersion } from '../store/types';
import { storeForEachTest } from '../testing/store.testkit';
import type { ReplicaWriter } from './apply-task';
import { ReplicationEngine } from './engine';
import { ruleContentFingerprint } from './stored-configuration';

const OWNER = 'owner';
const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function body(text: string) {
  return {
    stream: Readable.from([Buffer.from(text)]),
    transforms: [],
    digest: () => ({ md5Hex: createHash('md5').update(text).digest('hex'), checksum: null }),
  };
}

describe('ReplicationEngine on a store', () => {
  const fixture = storeForEachTest((store) => {
    for (const name of ['src', 'dst']) {
      store.buckets.create(name, 'us-east-1', OWNER);
      store.buckets.setVersioning(name, 'Enabled');
    }
    const config: ReplicationConfiguration = {
      Role: 'arn:aws:iam::000000000000:role/r',
      Rules: [{ ID: 'all', Priority: 1, Filter: {}, Status: 'Enabled', DeleteMarkerReplication: { Status: 'Enabled' }, Destination: { Bucket: 'arn:aws:s3:::dst' } }],
    };
    saveReplicationConfiguration(
      store.db,
      store.buckets,
      store.buckets.require('src'),
      replicationConfigToXml(config),
      config.Rules.map((rule) => ({ ruleId: rule.ID as string, content: ruleContentFingerprint(rule) })),
      Date.now() - 1000,
    );
  });
  let engine: ReplicationEngine | undefined;

  const put = (key: string, text = key) =>
    fixture.store.objects.put('src', key, body(text), { attributes: emptyAttributes(), ownerId: OWNER });
  const taskRows = () =>
    fixture.store.db
      .prepare<[], { key: string; version_id: string; state: string; attempts: number; failure_reason: string | null; failure_detail: string | null }>(
        'SELECT key, version_id, state, attempts, failure_reason, failure_detail FROM replication_tasks ORDER BY id',
      )
      .all();
  const startEngine = (writer: ReplicaWriter, maxAttempts = 4) => {
    engine = new ReplicationEngine({
      store: fixture.store,
      logger: quietLogger,
      delayMs: 0,
      retry: { maxAttempts, baseDelayMs: 2, maxDelayMs: 10 },
      resolveRole: () => ({ allows: () => true }),
      writeReplica: writer,
    });
    engine.start();
    return engine;
  };

  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
  });

  it('retries a temporary error (disk full) with backoff, keeping the version PENDING, then completes', async () => {
    let failuresLeft = 2;
    const statuses: (string | null)[] = [];
    const flaky: ReplicaWriter = async (s, destination, source, options) => {
      statuses.push(fixture.store.objects.find('src', source.key, source.versionId)?.replicationStatus ?? null);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return writeReplica(s, destination, source, options);
    };
    startEngine(flaky);
    const version = await put('a.txt');
    await engine?.drain();
    expect(statuses).toEqual(['PENDING', 'PENDING', 'PENDING']);
    expect(taskRows()).toEqual([expect.objectContaining({ state: 'COMPLETED', attempts: 3 })]);
    expect(fixture.store.objects.find('src', 'a.txt', version.versionId)?.replicationStatus).toBe('COMPLETED');
    expect(fixture.store.objects.find('dst', 'a.txt', version.versionId)?.replicationStatus).toBe('REPLICA');
  });

  it('gives up after the bounded number of attempts: FAILED with the last error as detail', async () => {
    startEngine(async () => {
      throw new Error('EIO: i/o error, write');
    }, 3);
    const version = await put('b.txt');
    await engine?.drain();
    expect(taskRows()).toEqual([
      expect.objectContaining({ state: 'FAILED', attempts: 3, failure_reason: 'InternalError', failure_detail: 'EIO: i/o error, write' }),
    ]);
    const source = fixture.store.objects.find('src', 'b.txt', version.versionId);
    expect([source?.replicationStatus, source?.replicationFailureReason]).toEqual(['FAILED', 'InternalError']);
  });

  it('never copies two versions of one key at once, and copies older versions first', async () => {
    const active = new Set<string>();
    const order: string[] = [];
    let maxConcurrent = 0;
    const slow: ReplicaWriter = async (s, destination, source, options) => {
      expect(active.has(source.key)).toBe(false);
      active.add(source.key);
      maxConcurrent = Math.max(maxConcurrent, active.size);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`${source.key}:${source.versionId}`);
      active.delete(source.key);
      return writeReplica(s, destination, source, options);
    };
    startEngine(slow);
    const written: ObjectVersion[] = [];
    for (let i = 0; i < 5; i += 1) {
      for (const key of ['x', 'y', 'z']) written.push(await put(key, `${key}${i}`));
    }
    await engine?.drain();
    for (const key of ['x', 'y', 'z']) {
      const expected = written.filter((v) => v.key === key).map((v) => `${key}:${v.versionId}`);
      expect(order.filter((entry) => entry.startsWith(`${key}:`))).toEqual(expected);
    }
    expect(maxConcurrent).toBeGreaterThan(1);
  });

  it('re-queues tasks a crash left RUNNING, and re-applying an already written replica makes no second version', async () => {
    startEngine(writeReplica);
    const version = await put('c.txt');
    await engine?.drain();
    await engine?.stop();
    // As if the process died after writing the replica but before recording the outcome.
    fixture.store.db.prepare(`UPDATE replication_tasks SET state = 'RUNNING', finished_at = NULL`).run();
    fixture.store.db.prepare(`UPDATE object_versions SET replication_status = 'PENDING' WHERE seq = ?`).run(version.seq);
    startEngine(writeReplica);
    await engine?.drain();
    expect(taskRows()).toEqual([expect.objectContaining({ state: 'COMPLETED', attempts: 2 })]);
    const replicas = fixture.store.db
      .prepare<[string], { n: number }>(
        `SELECT COUNT(*) AS n FROM object_versions v JOIN buckets b ON b.id = v.bucket_id WHERE b.name = 'dst' AND v.key = ?`,
      )
      .get('c.txt');
    expect(replicas?.n).toBe(1);
    expect(fixture.store.objects.find('src', 'c.txt', version.versionId)?.replicationStatus).toBe('COMPLETED');
  });

  it("records a task's outcome and its version's status together: when the status cannot be written, neither is", async () => {
    // The version's status update fails once (as if the process died right after the task's outcome was recorded).
    fixture.store.db.exec(`CREATE TABLE fail_status_once (armed INTEGER);
      INSERT INTO fail_status_once VALUES (1);
      CREATE TRIGGER fail_status BEFORE UPDATE OF replication_status ON object_versions
      WHEN NEW.replication_status = 'COMPLETED' AND (SELECT armed FROM fail_status_once) = 1
      BEGIN SELECT RAISE(ABORT, 'status write failed'); END;`);
    const errors: string[] = [];
    engine = new ReplicationEngine({
      store: fixture.store,
      logger: { ...quietLogger, error: (message) => errors.push(message) },
      delayMs: 0,
      resolveRole: () => ({ allows: () => true }),
      writeReplica,
    });
    engine.start();
    const version = await put('d.txt');
    await expect.poll(() => errors).toEqual(['replication: recording a task outcome failed']);
    expect(taskRows()).toEqual([expect.objectContaining({ state: 'RUNNING' })]);
    expect(fixture.store.objects.find('src', 'd.txt', version.versionId)?.replicationStatus).toBe('PENDING');
    await engine?.stop();
    fixture.store.db.exec('UPDATE fail_status_once SET armed = 0');
    startEngine(writeReplica);
    await engine?.drain();
    expect(taskRows()).toEqual([expect.objectContaining({ state: 'COMPLETED' })]);
    expect(fixture.store.objects.find('src', 'd.txt', version.versionId)?.replicationStatus).toBe('COMPLETED');
  });
});
