import {
  CreateBucketCommand,
  DeleteBucketReplicationCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The tutorial end to end: jtpbucket (Ohio) → jtp1bucket (Mumbai), entire bucket, a new role, rule S3CRR.
 * Seeded and checked through the SDK, driven through the console.
 */
const SOURCE = 'jtpbucket';
const DESTINATION = 'jtp1bucket';

async function ensureBucket(s3: S3Client, name: string, region: 'us-east-2' | 'ap-south-1'): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: { LocationConstraint: region } }));
  } catch (error) {
    // Another spec of this run may have made the tutorial buckets already.
    if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  }
}

async function nextStep(page: Page, heading: string): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

async function waitForReplica(s3: S3Client, key: string): Promise<string | undefined> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      return (await s3.send(new HeadObjectCommand({ Bucket: DESTINATION, Key: key }))).ReplicationStatus;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${key} did not reach ${DESTINATION} within 30 s`);
}

test('the tutorial wizard: first rule, a second rule, and a later upload replicated', async ({ page, s3For }) => {
  test.setTimeout(120_000);
  const ohio = s3For('us-east-2');
  const mumbai = s3For('ap-south-1');
  await ensureBucket(ohio, SOURCE, 'us-east-2');
  await ensureBucket(mumbai, DESTINATION, 'ap-south-1');
  await ohio.send(new DeleteBucketReplicationCommand({ Bucket: SOURCE }));
  await ohio.send(new PutObjectCommand({ Bucket: SOURCE, Key: 'version.txt', Body: 'version 1' }));
  await ohio.send(new PutObjectCommand({ Bucket: SOURCE, Key: 'download.jpg', Body: Buffer.from([0xff, 0xd8, 0xff]) }));

  // Management → Replication → Get started
  await page.goto(`/buckets/${SOURCE}/management`);
  await page.getByRole('link', { name: 'Get started' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1: Set source' })).toBeVisible();

  // Set source: entire bucket; the preview counts the two files and says they are not replicated by the rule.
  await expect(page.getByLabel(`Entire bucket ${SOURCE}`)).toBeChecked();
  await expect(page.getByText(/2 current objects in the bucket match this scope/)).toBeVisible();
  await expect(page.getByText(/Objects already in the bucket are not replicated by the rule itself/)).toBeVisible();
  await expect(page.getByLabel('Replicate objects encrypted with AWS KMS')).not.toBeChecked();
  await nextStep(page, 'Step 2: Set destination');

  // Set destination: jtp1bucket in Mumbai, a cross-region rule; its versioning is off, Save will enable it.
  await page.getByLabel('Destination bucket', { exact: true }).selectOption(DESTINATION);
  await expect(page.getByText('Cross-Region Replication (CRR)')).toBeVisible();
  await expect(page.getByText(`Versioning is not enabled on ${DESTINATION}`)).toBeVisible();
  await nextStep(page, 'Step 3: Configure options');

  // Configure options: new role, rule S3CRR, Enabled.
  await expect(page.getByLabel('Create new role')).toBeChecked();
  await expect(page.getByText(`s3crr_role_for_${SOURCE}_to_${DESTINATION}`).first()).toBeVisible();
  await page.getByLabel('Rule name').fill('S3CRR');
  await expect(page.getByLabel('Enabled', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Priority')).toHaveValue('0');
  await nextStep(page, 'Step 4: Review');

  // Review shows exactly what Save changes, then Save runs it step by step.
  await expect(page.getByText(`Enable versioning on ${SOURCE}`).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Trust policy' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Permission policy' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/buckets/${SOURCE}/management\\?saved=S3CRR`));
  const dialog = page.getByRole('dialog', { name: 'Replicate existing objects?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Yes, replicate existing objects' })).toHaveAttribute(
    'href',
    `/compare?bucket=${SOURCE}&rule=S3CRR`,
  );
  await dialog.getByRole('button', { name: 'No, do not replicate existing objects' }).click();

  await expect(page.getByText('Replication configuration updated successfully')).toBeVisible();
  const summary = page.getByRole('table', { name: 'Replication configuration' });
  await expect(summary).toContainText(`Bucket ${SOURCE}`);
  await expect(summary).toContainText('US East (Ohio)');
  await expect(summary).toContainText(`Bucket ${DESTINATION}`);
  await expect(summary).toContainText('Asia Pacific (Mumbai)');
  await expect(summary).toContainText(`s3crr_role_for_${SOURCE}_to_${DESTINATION}`);
  const rules = page.getByRole('table', { name: /Replication rules/ });
  const first = rules.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'S3CRR' }) });
  await expect(first).toContainText('Enabled');
  await expect(first).toContainText('Entire bucket');

  // The two files existed before the rule: the destination is still empty.
  expect((await mumbai.send(new ListObjectsV2Command({ Bucket: DESTINATION }))).KeyCount ?? 0).toBe(0);

  // A second rule, limited to logs/, keeps the first one.
  await page.getByRole('link', { name: 'Add rule' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1: Set source' })).toBeVisible();
  await page.getByLabel('Limit the scope with a prefix and/or tags').check();
  await page.getByLabel('Prefix', { exact: true }).fill('logs/');
  await nextStep(page, 'Step 2: Set destination');
  await page.getByLabel('Destination bucket', { exact: true }).selectOption(DESTINATION);
  await nextStep(page, 'Step 3: Configure options');
  await expect(page.getByLabel('Choose an existing role')).toBeChecked();
  await page.getByLabel('Rule name').fill('logs');
  await expect(page.getByLabel('Priority')).toHaveValue('1');
  await nextStep(page, 'Step 4: Review');
  await expect(page.getByText(/2 rules; other rules are kept/)).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(page).toHaveURL(/saved=logs/);
  await page.getByRole('dialog', { name: 'Replicate existing objects?' }).getByRole('button', { name: /^No/ }).click();
  await expect(rules.getByRole('rowheader', { name: 'S3CRR' })).toBeVisible();
  await expect(rules.getByRole('rowheader', { name: 'logs' })).toBeVisible();

  // Every later change to jtpbucket is replicated.
  await ohio.send(new PutObjectCommand({ Bucket: SOURCE, Key: 'after-rule.txt', Body: 'written after the rules' }));
  expect(await waitForReplica(mumbai, 'after-rule.txt')).toBe('REPLICA');
});
