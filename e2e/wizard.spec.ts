import { CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  DeleteBucketReplicationCommand,
  GetBucketReplicationCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { e2eIamClient, expect, S3_TRUST_POLICY, test, uniqueBucketName } from './fixtures';

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

test('refusals, a conflicting change, and the rules table actions', async ({ page, s3For }) => {
  test.setTimeout(120_000);
  const source = uniqueBucketName('e2e-rules-src');
  const destination = uniqueBucketName('e2e-rules-dst');
  const oregon = s3For('us-west-2');
  const ireland = s3For('eu-west-1');
  await oregon.send(new CreateBucketCommand({ Bucket: source, CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }));
  await ireland.send(new CreateBucketCommand({ Bucket: destination, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  for (const [client, bucket] of [[oregon, source], [ireland, destination]] as const) {
    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  const iam = e2eIamClient();
  const { Role } = await iam.send(
    new CreateRoleCommand({
      RoleName: `role-${source}`.slice(0, 64),
      AssumeRolePolicyDocument: S3_TRUST_POLICY,
    }),
  );
  iam.destroy();
  const firstRule = (status: 'Enabled' | 'Disabled') => ({
    ID: 'first',
    Priority: 0,
    Filter: {},
    Status: status,
    Destination: { Bucket: `arn:aws:s3:::${destination}` },
    DeleteMarkerReplication: { Status: 'Disabled' as const },
  });
  await oregon.send(
    new PutBucketReplicationCommand({ Bucket: source, ReplicationConfiguration: { Role: Role?.Arn, Rules: [firstRule('Enabled')] } }),
  );

  // A duplicate rule name is refused on Review, and leads back to the field.
  await page.goto(`/replication/new?source=${source}`);
  await nextStep(page, 'Step 2: Set destination');
  await page.getByLabel('Destination bucket', { exact: true }).selectOption(destination);
  await nextStep(page, 'Step 3: Configure options');
  await expect(page.getByLabel('Choose an existing role')).toBeChecked();
  await page.getByLabel('Rule name').fill('first');
  await nextStep(page, 'Step 4: Review');
  await expect(page.getByText('A rule named first already exists on this bucket.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Change it in Configure options' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3: Configure options' })).toBeVisible();
  await expect(page.getByLabel('Rule name')).toHaveAccessibleDescription(/already exists/);
  await page.getByLabel('Rule name').fill('second');
  await nextStep(page, 'Step 4: Review');
  await expect(page.getByText(/2 rules; other rules are kept/)).toBeVisible();

  // Someone disables the first rule meanwhile: Save refuses and changes nothing, then Review starts again from it.
  await oregon.send(
    new PutBucketReplicationCommand({ Bucket: source, ReplicationConfiguration: { Role: Role?.Arn, Rules: [firstRule('Disabled')] } }),
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The replication configuration changed')).toBeVisible();
  expect((await oregon.send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules).toHaveLength(1);
  await page.getByRole('button', { name: 'Review again with the current configuration' }).click();
  await expect(page.getByText(/2 rules; other rules are kept/)).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/saved=second/);
  await page.getByRole('dialog', { name: 'Replicate existing objects?' }).getByRole('button', { name: /^No/ }).click();

  // The rules page lists both, each linking to the bucket and to the compare page.
  await page.goto(`/replication?bucket=${source}`);
  const overview = page.getByRole('table', { name: /Replication rules/ });
  await expect(overview.getByRole('rowheader')).toHaveText(['first', 'second']);
  await expect(overview.getByRole('link', { name: 'Compare buckets' }).first()).toHaveAttribute('href', `/compare?bucket=${source}&rule=first`);

  // Enable, then delete each rule from the bucket's table; the last delete removes the configuration.
  await page.goto(`/buckets/${source}/management`);
  await page.getByRole('button', { name: 'Enable rule first' }).click();
  await expect(page.getByRole('button', { name: 'Disable rule first' })).toBeVisible();
  const rules = async () =>
    (await oregon.send(new GetBucketReplicationCommand({ Bucket: source }))).ReplicationConfiguration?.Rules?.map((rule) => [rule.ID, rule.Status]);
  expect(await rules()).toEqual([
    ['first', 'Enabled'],
    ['second', 'Enabled'],
  ]);
  await expect(page.getByRole('tab', { name: 'AWS CLI' })).toBeVisible();
  await expect(page.getByText(/aws s3api put-bucket-replication --bucket/)).toBeVisible();

  // Edit opens the wizard on the rule, prefilled; saving it changes that rule only.
  await page.getByRole('link', { name: 'Edit rule second' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit replication rule second' })).toBeVisible();
  await expect(page.getByLabel(`Entire bucket ${source}`)).toBeChecked();
  await nextStep(page, 'Step 2: Set destination');
  await expect(page.getByLabel('Destination bucket', { exact: true })).toHaveValue(destination);
  await nextStep(page, 'Step 3: Configure options');
  await expect(page.getByLabel('Rule name')).toHaveValue('second');
  await page.getByLabel('Disabled', { exact: true }).check();
  await nextStep(page, 'Step 4: Review');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/saved=second$/);
  await expect(page.getByText('Replication configuration updated successfully')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enable rule second' })).toBeVisible();
  expect(await rules()).toEqual([
    ['first', 'Enabled'],
    ['second', 'Disabled'],
  ]);

  await page.getByRole('button', { name: 'Delete rule second' }).click();
  await page.getByRole('dialog', { name: 'Delete rule second?' }).getByRole('button', { name: 'Delete rule' }).click();
  await expect(page.getByRole('button', { name: 'Delete rule second' })).toHaveCount(0);
  expect(await rules()).toEqual([['first', 'Enabled']]);

  await page.getByRole('button', { name: 'Delete rule first' }).click();
  const lastDialog = page.getByRole('dialog', { name: 'Delete rule first?' });
  await expect(lastDialog).toContainText('It is the last rule');
  await lastDialog.getByRole('button', { name: 'Delete rule' }).click();
  await expect(page.getByRole('link', { name: 'Get started' })).toBeVisible();
  const gone = await oregon.send(new GetBucketReplicationCommand({ Bucket: source })).catch((error: Error) => error.name);
  expect(gone).toBe('ReplicationConfigurationNotFoundError');
});
