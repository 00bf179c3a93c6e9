import { CreateBucketCommand, PutObjectCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleNameFor } from '@/lib/replication/policy';
import { startEmbeddedBackend, type TestBackend } from './backends.testkit';
import { listRoles, previewScope, readBucketReplication, readRulesOverview } from './read-views';
import { saveReplicationRule } from './save-rule';
import { wizardInput } from './wizard-input.testkit';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startEmbeddedBackend();
  const { s3 } = backend.deps;
  await s3('us-east-2').send(new CreateBucketCommand({ Bucket: 'jtpbucket', CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }));
  await s3('ap-south-1').send(new CreateBucketCommand({ Bucket: 'jtp1bucket', CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } }));
  for (const key of ['version.txt', 'download.jpg', 'logs/a.txt', 'logs/b.txt']) {
    await s3('us-east-2').send(new PutObjectCommand({ Bucket: 'jtpbucket', Key: key, Body: key }));
  }
  await s3('us-east-2').send(
    new PutObjectTaggingCommand({ Bucket: 'jtpbucket', Key: 'logs/a.txt', Tagging: { TagSet: [{ Key: 'team', Value: 'ops' }] } }),
  );
});
afterAll(async () => backend?.stop());

describe('read views against the embedded endpoint', () => {
  it('counts the current objects a scope matches', async () => {
    expect(await previewScope(backend.deps, 'jtpbucket', '', [])).toEqual({ matched: 4, examined: 4, sampled: false, tagCheckLimit: null });
    expect((await previewScope(backend.deps, 'jtpbucket', 'logs/', [])).matched).toBe(2);
    expect(await previewScope(backend.deps, 'jtpbucket', 'logs/', [{ key: 'team', value: 'ops' }])).toMatchObject({ matched: 1, examined: 2 });
  });

  it('answers InvalidBucketName (400) for a name S3 would refuse, before any request', async () => {
    for (const name of ['Bad_Name', 'a/b', '..']) {
      await expect(readBucketReplication(backend.deps, name)).rejects.toMatchObject({
        name: 'InvalidBucketName',
        $metadata: { httpStatusCode: 400 },
      });
    }
    await expect(previewScope(backend.deps, 'UPPER', '', [])).rejects.toMatchObject({ name: 'InvalidBucketName' });
  });

  it('answers NoSuchBucket (404) for a missing bucket', async () => {
    await expect(readBucketReplication(backend.deps, 'no-such-bucket-here')).rejects.toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('shows a bucket without rules, then its rules, destinations and the overview row', async () => {
    const empty = await readBucketReplication(backend.deps, 'jtpbucket');
    expect(empty).toMatchObject({ bucket: 'jtpbucket', region: 'us-east-2', configuration: null, fingerprint: null, destinations: [] });

    const saved = await saveReplicationRule(backend.deps, wizardInput);
    expect(saved.ok).toBe(true);

    const view = await readBucketReplication(backend.deps, 'jtpbucket');
    expect(view.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(view.destinations).toEqual([{ name: 'jtp1bucket', region: 'ap-south-1', versioning: 'Enabled' }]);

    const overview = await readRulesOverview(backend.deps);
    expect(overview.unreadable).toEqual([]);
    expect(overview.rows).toEqual([
      expect.objectContaining({
        sourceBucket: 'jtpbucket',
        sourceRegion: 'us-east-2',
        ruleId: 'S3CRR',
        status: 'Enabled',
        priority: 0,
        destinationBucket: 'jtp1bucket',
        destinationRegion: 'ap-south-1',
      }),
    ]);

    const { roles } = await listRoles(backend.deps);
    expect(roles).toContainEqual(
      expect.objectContaining({ name: roleNameFor('jtpbucket', 'jtp1bucket'), path: '/service-role/', trustsS3: true }),
    );
  });
});
