import {
  CreateBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { Page } from '@playwright/test';
import { e2eIamClient, expect, S3_TRUST_POLICY, test, uniqueBucketName } from './fixtures';

/** The tutorial's state after step 5: two files in jtpbucket (Ohio), rule S3CRR to an empty jtp1bucket (Mumbai). */
async function seedTutorialRule(s3For: (region: string) => S3Client) {
  const source = uniqueBucketName('jtpbucket');
  const destination = uniqueBucketName('jtp1bucket');
  const ohio = s3For('us-east-2');
  const mumbai = s3For('ap-south-1');
  await ohio.send(new CreateBucketCommand({ Bucket: source, CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }));
  await mumbai.send(new CreateBucketCommand({ Bucket: destination, CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } }));
  await ohio.send(new PutBucketVersioningCommand({ Bucket: source, VersioningConfiguration: { Status: 'Enabled' } }));
  await mumbai.send(new PutBucketVersioningCommand({ Bucket: destination, VersioningConfiguration: { Status: 'Enabled' } }));
  const versions: Record<string, string> = {};
  for (const [key, body] of [
    ['version.txt', 'version 1'],
    ['download.jpg', 'not really a jpeg'],
  ]) {
    versions[key] = (await ohio.send(new PutObjectCommand({ Bucket: source, Key: key, Body: body }))).VersionId as string;
  }

  const iam = e2eIamClient();
  const roleName = `s3crr_role_for_${source}`.slice(0, 64);
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: roleName,
      AssumeRolePolicyDocument: S3_TRUST_POLICY,
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: 'replication',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: [`arn:aws:s3:::${source}`] },
          {
            Effect: 'Allow',
            Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
            Resource: [`arn:aws:s3:::${source}/*`],
          },
          { Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: [`arn:aws:s3:::${destination}/*`] },
        ],
      }),
    }),
  );
  iam.destroy();
  await ohio.send(
    new PutBucketReplicationCommand({
      Bucket: source,
      ReplicationConfiguration: {
        Role: role.Role?.Arn,
        Rules: [
          {
            ID: 'S3CRR',
            Priority: 1,
            Status: 'Enabled',
            Filter: { Prefix: '' },
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: { Bucket: `arn:aws:s3:::${destination}` },
          },
        ],
      },
    }),
  );
  return { source, destination, versions, ohio, mumbai };
}

const row = (page: Page, key: string) => page.locator(`[data-testid="compare-row"][data-key="${key}"]`);

test('compare shows files that existed before the rule, replicates them, then follows a new upload live', async ({ page, s3For }) => {
  test.setTimeout(120_000);
  const { source, destination, versions, ohio, mumbai } = await seedTutorialRule(s3For);
  expect((await mumbai.send(new ListObjectsV2Command({ Bucket: destination }))).KeyCount ?? 0).toBe(0);

  await page.goto(`/compare?bucket=${source}&rule=S3CRR`);
  await expect(page.getByRole('heading', { level: 1, name: 'Compare buckets' })).toBeVisible();
  for (const key of ['version.txt', 'download.jpg']) {
    await expect(row(page, key)).toHaveAttribute('data-class', 'not-replicated', { timeout: 30_000 });
    await expect(row(page, key)).toContainText('EXISTED_BEFORE_RULE');
    await expect(row(page, key)).toContainText('created before rule "S3CRR"');
  }
  await expect(page.getByText('2 objects existed before the rule')).toBeVisible();
  await expect(page.getByTestId('count-not-replicated')).toContainText('2');

  // Mark the document: a reload would lose it.
  await page.evaluate(() => {
    (window as unknown as { compareSession: string }).compareSession = 'same-page';
  });

  await page.getByRole('button', { name: 'Replicate existing objects' }).click();
  const job = page.getByTestId('copy-job');
  await expect(job.getByRole('progressbar', { name: 'Copy progress' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('copy-job-counts')).toContainText('2 of 2 objects', { timeout: 30_000 });
  await expect(page.getByTestId('copy-job-summary')).toContainText('2 copied, 0 skipped, 0 failed.');

  for (const key of ['version.txt', 'download.jpg']) {
    await expect(row(page, key)).toHaveAttribute('data-class', 'replicated', { timeout: 20_000 });
    const head = await mumbai.send(new HeadObjectCommand({ Bucket: destination, Key: key }));
    expect(head.ReplicationStatus).toBe('REPLICA');
    expect(head.VersionId).toBe(versions[key]);
  }
  await expect(page.getByTestId('count-replicated')).toContainText('2');

  // A new upload is live-replicated; the page picks it up without a reload (pending may be too brief to see).
  await ohio.send(new PutObjectCommand({ Bucket: source, Key: 'new-upload.txt', Body: 'after the rule' }));
  await expect(row(page, 'new-upload.txt')).toBeVisible({ timeout: 30_000 });
  await expect(row(page, 'new-upload.txt')).toHaveAttribute('data-class', /^(pending|replicated)$/);
  await expect(row(page, 'new-upload.txt')).toHaveAttribute('data-class', 'replicated', { timeout: 30_000 });
  expect((await mumbai.send(new HeadObjectCommand({ Bucket: destination, Key: 'new-upload.txt' }))).ReplicationStatus).toBe('REPLICA');
  expect(await page.evaluate(() => (window as unknown as { compareSession?: string }).compareSession)).toBe('same-page');
});

test('filters by class, searches keys and exports the differences as CSV', async ({ page, s3For }) => {
  const { source } = await seedTutorialRule(s3For);
  await page.goto(`/compare?bucket=${source}&rule=S3CRR`);
  await expect(row(page, 'version.txt')).toBeVisible({ timeout: 30_000 });

  await page.getByLabel('Search keys').fill('download');
  await expect(row(page, 'version.txt')).toHaveCount(0);
  await expect(row(page, 'download.jpg')).toBeVisible();
  await page.getByLabel('Search keys').fill('');

  await page.getByTestId('count-replicated').click();
  await expect(page.getByTestId('count-replicated')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('No objects match.')).toBeVisible();
  await page.getByTestId('count-replicated').click();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text.map((chunk) => Buffer.from(chunk))).toString('utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^key,class,reason_code/);
  expect(csv).toContain('version.txt,not-replicated,EXISTED_BEFORE_RULE');
  expect(csv).toContain('download.jpg,not-replicated,EXISTED_BEFORE_RULE');
});
