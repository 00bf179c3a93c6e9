import { CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { e2eIamClient, e2eS3Client, expect, S3_TRUST_POLICY, test, uniqueBucketName } from './fixtures';

/**
 * The tutorial's first steps through the console: jtpbucket in Ohio (versioned) and jtp1bucket in Mumbai, created
 * in the UI; version.txt and download.jpg uploaded, then a second version of version.txt. Checked through the SDK.
 * The buckets are removed before and after, so the wizard spec finds the tutorial's starting point.
 */
const SOURCE = 'jtpbucket';
const DESTINATION = 'jtp1bucket';
const FIXTURES = path.join(__dirname, 'fixtures');

async function removeBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    return;
  }
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }));
    for (const version of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: version.Key, VersionId: version.VersionId }));
    }
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker);
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
}

async function removeTutorialBuckets(): Promise<void> {
  const s3 = e2eS3Client();
  await removeBucket(s3, SOURCE);
  await removeBucket(s3, DESTINATION);
  s3.destroy();
}

test.beforeAll(removeTutorialBuckets);
test.afterAll(removeTutorialBuckets);
test.describe.configure({ mode: 'serial' });

/** Clicks until the dialog opens: a click that lands before hydration does nothing. */
async function openDialog(page: Page, opener: ReturnType<Page['getByRole']>, name: string) {
  const dialog = page.getByRole('dialog', { name });
  await expect(async () => {
    await opener.click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return dialog;
}

async function createBucket(page: Page, name: string, regionLabel: string, versioning: boolean): Promise<void> {
  const dialog = await openDialog(page, page.getByRole('button', { name: 'Create bucket' }).first(), 'Create bucket');
  await dialog.getByLabel('Bucket name').fill(name);
  await dialog.getByLabel('AWS Region').selectOption({ label: regionLabel });
  if (versioning) await dialog.getByLabel('Enable versioning').check();
  await dialog.getByRole('button', { name: 'Create bucket' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * The objects list is shown and the page's scripts have loaded (the list is rendered on the server, so its
 * presence alone does not mean the controls answer yet).
 */
async function objectsListed(page: Page): Promise<void> {
  await expect(page.getByRole('table', { name: /^Objects in / }).or(page.getByText(/^No objects in /))).toBeVisible();
  await page.waitForLoadState('networkidle');
}

function rowOf(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('creates the tutorial buckets in the console, refusing a bad name and a duplicate', async ({ page, s3For }) => {
  await page.goto('/buckets');

  const dialog = await openDialog(page, page.getByRole('button', { name: 'Create bucket' }), 'Create bucket');
  await dialog.getByLabel('Bucket name').fill('JTP_bucket');
  await dialog.getByRole('button', { name: 'Create bucket' }).click();
  await expect(dialog.getByText('Bucket name can consist only of lowercase letters, numbers, periods (.), and hyphens (-).')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await createBucket(page, SOURCE, 'US East (Ohio) us-east-2', true);
  await createBucket(page, DESTINATION, 'Asia Pacific (Mumbai) ap-south-1', false);

  await expect(rowOf(page, SOURCE)).toContainText('US East (Ohio) us-east-2');
  await expect(rowOf(page, SOURCE)).toContainText('Enabled');
  await expect(rowOf(page, DESTINATION)).toContainText('Asia Pacific (Mumbai) ap-south-1');
  await expect(rowOf(page, DESTINATION)).toContainText('Never enabled');
  await expect(rowOf(page, SOURCE)).toContainText('None');

  expect((await s3For('us-east-1').send(new GetBucketLocationCommand({ Bucket: DESTINATION }))).LocationConstraint).toBe('ap-south-1');
  expect((await s3For('us-east-2').send(new GetBucketVersioningCommand({ Bucket: SOURCE }))).Status).toBe('Enabled');

  await openDialog(page, page.getByRole('button', { name: 'Create bucket' }).first(), 'Create bucket');
  await dialog.getByLabel('Bucket name').fill(DESTINATION);
  await dialog.getByLabel('AWS Region').selectOption('ap-south-1');
  await dialog.getByLabel('Enable versioning').check();
  await dialog.getByRole('button', { name: 'Create bucket' }).click();
  await expect(dialog.getByRole('alert')).toContainText('BucketAlreadyOwnedByYou');
  // Nothing changed: the existing bucket's versioning was not turned on.
  expect((await s3For('ap-south-1').send(new GetBucketVersioningCommand({ Bucket: DESTINATION }))).Status).toBeUndefined();
});

test('uploads version.txt and a JPEG, then a second version of version.txt, and shows both versions', async ({ page, s3For }) => {
  const s3 = s3For('us-east-2');
  await page.goto(`/buckets/${SOURCE}`);
  await expect(page).toHaveURL(new RegExp(`/buckets/${SOURCE}/objects$`));
  await expect(page).toHaveTitle(`Objects · ${SOURCE} · S3 Replication Console`);
  await objectsListed(page);

  await page.getByLabel('Choose files to upload').setInputFiles([path.join(FIXTURES, 'version.txt'), path.join(FIXTURES, 'download.jpg')]);
  await expect(page.getByText('Uploaded')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'version.txt', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'download.jpg', exact: true })).toBeVisible();

  const jpeg = await s3.send(new GetObjectCommand({ Bucket: SOURCE, Key: 'download.jpg' }));
  expect(jpeg.ContentType).toBe('image/jpeg');
  expect(Buffer.from(await jpeg.Body!.transformToByteArray())).toEqual(await readFile(path.join(FIXTURES, 'download.jpg')));

  await page.getByRole('button', { name: 'Clear finished' }).click();
  await page.getByLabel('Choose files to upload').setInputFiles({ name: 'version.txt', mimeType: 'text/plain', buffer: Buffer.from('version 2\n') });
  await expect(page.getByText('Uploaded')).toHaveCount(1);

  const { Versions } = await s3.send(new ListObjectVersionsCommand({ Bucket: SOURCE, Prefix: 'version.txt' }));
  expect(Versions).toHaveLength(2);

  await page.getByRole('link', { name: 'Versions', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/buckets/${SOURCE}/versions$`));
  await expect(page).toHaveTitle(`Versions · ${SOURCE} · S3 Replication Console`);
  const versionRows = page.getByRole('row').filter({ hasText: 'version.txt' });
  await expect(versionRows).toHaveCount(2);
  for (const version of Versions ?? []) await expect(page.getByText(version.VersionId!, { exact: true })).toBeVisible();
  await expect(versionRows.first()).toContainText('Latest');
  await expect(versionRows.nth(1)).not.toContainText('Latest');
});

test('uploads files dropped on the drop zone into the folder shown', async ({ page, s3For }) => {
  await page.goto(`/buckets/${SOURCE}/objects`);
  await objectsListed(page);
  await page.getByRole('button', { name: 'Create folder' }).click();
  await page.getByRole('dialog', { name: 'Create folder' }).getByLabel('Folder name').fill('notes');
  await page.getByRole('dialog', { name: 'Create folder' }).getByRole('button', { name: 'Create folder' }).click();
  await page.getByRole('link', { name: 'notes/', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Folder' })).toContainText('notes');
  await objectsListed(page);

  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['first'], 'a.txt', { type: 'text/plain' }));
    transfer.items.add(new File(['second'], 'b.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.getByText('Drag and drop files here').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('Uploaded')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'a.txt', exact: true })).toBeVisible();
  const b = await s3For('us-east-2').send(new GetObjectCommand({ Bucket: SOURCE, Key: 'notes/b.txt' }));
  expect(await b.Body!.transformToString()).toBe('second');

  // Larger than one part (8 MiB): sent part by part as a multipart upload.
  await page.getByRole('button', { name: 'Clear finished' }).click();
  const large = Buffer.alloc(9 * 1024 * 1024, 7);
  await page.getByLabel('Choose files to upload').setInputFiles({ name: 'large.bin', mimeType: 'application/octet-stream', buffer: large });
  await expect(page.getByText('Uploaded')).toHaveCount(1, { timeout: 60_000 });
  const head = await s3For('us-east-2').send(new HeadObjectCommand({ Bucket: SOURCE, Key: 'notes/large.bin' }));
  expect([head.ContentLength, head.ETag?.endsWith('-2"')]).toEqual([large.length, true]);
});

test('downloads an object with its name and shows its details', async ({ page, s3For }) => {
  await page.goto(`/buckets/${SOURCE}/objects`);
  await objectsListed(page);
  await page.getByRole('checkbox', { name: 'Select version.txt' }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('version.txt');
  expect(await readFile((await download.path())!, 'utf8')).toBe('version 2\n');

  await page.getByRole('link', { name: 'version.txt', exact: true }).click();
  await expect(page).toHaveTitle('version.txt · S3 Replication Console');
  const head = await s3For('us-east-2').send(new GetObjectCommand({ Bucket: SOURCE, Key: 'version.txt' }));
  await expect(page.getByText(head.VersionId!, { exact: true })).toBeVisible();
  await expect(page.getByText('text/plain', { exact: true })).toBeVisible();
  await expect(page.getByText('STANDARD', { exact: true })).toBeVisible();
});

test('a delete in a versioned bucket adds a delete marker, and a non-empty bucket cannot be deleted', async ({ page, s3For }) => {
  const s3 = s3For('us-east-2');
  await page.goto(`/buckets/${SOURCE}/objects`);
  await objectsListed(page);
  await page.getByRole('checkbox', { name: 'Select download.jpg' }).check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 1 item?' });
  await expect(dialog).toContainText('Deleting adds a delete marker');
  await dialog.getByRole('button', { name: 'Delete objects' }).click();
  await expect(page.getByText('1 hidden behind a delete marker (their versions remain).')).toBeVisible();
  await expect(page.getByRole('link', { name: 'download.jpg', exact: true })).toBeHidden();
  const { DeleteMarkers } = await s3.send(new ListObjectVersionsCommand({ Bucket: SOURCE, Prefix: 'download.jpg' }));
  expect(DeleteMarkers?.map((marker) => marker.IsLatest)).toEqual([true]);

  // Deleting the marker itself (a version delete: permanent, never replicated) brings the object back.
  await page.getByRole('link', { name: 'Versions', exact: true }).click();
  await page.getByRole('button', { name: `Delete delete marker of download.jpg version ${DeleteMarkers![0].VersionId}` }).click();
  const versionDialog = page.getByRole('dialog', { name: 'Delete this delete marker?' });
  await expect(versionDialog).toContainText('S3 never replicates the deletion of a specific version');
  await versionDialog.getByRole('button', { name: 'Delete marker' }).click();
  await expect(versionDialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'download.jpg' })).toHaveCount(1);
  const after = await s3.send(new ListObjectVersionsCommand({ Bucket: SOURCE, Prefix: 'download.jpg' }));
  expect([after.DeleteMarkers ?? [], after.Versions?.map((version) => version.IsLatest)]).toEqual([[], [true]]);

  await page.goto('/buckets');
  const confirm = await openDialog(page, rowOf(page, SOURCE).getByRole('button', { name: `Delete bucket ${SOURCE}` }), `Delete bucket ${SOURCE}?`);
  await confirm.getByLabel(`To confirm deletion, type ${SOURCE}`).fill(SOURCE);
  await confirm.getByRole('button', { name: 'Delete bucket' }).click();
  await expect(confirm.getByRole('alert')).toContainText('This bucket is not empty');
  await expect(confirm.getByRole('alert')).toContainText('The bucket you tried to delete is not empty');
  await expect(s3.send(new HeadBucketCommand({ Bucket: SOURCE }))).resolves.toBeDefined();
});

test('deletes an empty bucket after its name is typed', async ({ page, s3For }) => {
  await page.goto('/buckets');
  const confirm = await openDialog(
    page,
    rowOf(page, DESTINATION).getByRole('button', { name: `Delete bucket ${DESTINATION}` }),
    `Delete bucket ${DESTINATION}?`,
  );
  const deleteButton = confirm.getByRole('button', { name: 'Delete bucket' });
  await confirm.getByLabel(`To confirm deletion, type ${DESTINATION}`).fill('jtp1');
  await expect(deleteButton).toBeDisabled();
  await confirm.getByLabel(`To confirm deletion, type ${DESTINATION}`).fill(DESTINATION);
  await deleteButton.click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('link', { name: DESTINATION, exact: true })).toBeHidden();
  const failure = await s3For('ap-south-1')
    .send(new HeadBucketCommand({ Bucket: DESTINATION }))
    .then(() => undefined, (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode);
  expect(failure).toBe(404);
});

test('Properties: versioning cannot be suspended under a replication rule (S3 says why); tags are saved', async ({ page, s3For }) => {
  const s3 = s3For('us-east-1');
  const source = uniqueBucketName('e2e-props-src');
  const destination = uniqueBucketName('e2e-props-dst');
  for (const bucket of [source, destination]) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  const iam = e2eIamClient();
  const { Role } = await iam.send(
    new CreateRoleCommand({
      RoleName: `${source}-role`,
      AssumeRolePolicyDocument: S3_TRUST_POLICY,
    }),
  );
  iam.destroy();
  await s3.send(
    new PutBucketReplicationCommand({
      Bucket: source,
      ReplicationConfiguration: {
        Role: Role?.Arn,
        Rules: [{ ID: 'all', Status: 'Enabled', Priority: 1, Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: `arn:aws:s3:::${destination}` } }],
      },
    }),
  );

  await page.goto(`/buckets/${source}/properties`);
  await expect(page).toHaveTitle(`Properties · ${source} · S3 Replication Console`);
  await expect(page.getByText('S3 refuses to suspend versioning until it is deleted')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Suspend').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Versioning was not changed' });
  await expect(refusal).toContainText('InvalidBucketState');

  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Tag 1 key').fill('aws:project');
  await expect(page.getByText('Your TagKey cannot be prefixed with aws:')).toBeVisible();
  await page.getByLabel('Tag 1 key').fill('project');
  await page.getByLabel('Tag 1 value').fill('tutorial');
  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect(page.getByText('Tags saved.')).toBeVisible();
  expect((await s3.send(new GetBucketTaggingCommand({ Bucket: source }))).TagSet).toEqual([{ Key: 'project', Value: 'tutorial' }]);

  await page.goto('/buckets');
  await expect(rowOf(page, source)).toContainText('Source of 1 rule');
  await expect(rowOf(page, destination)).toContainText('Destination of 1 rule');
});
