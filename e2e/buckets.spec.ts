import { CreateBucketCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { E2E_EMULATOR_URL, expect, test, uniqueBucketName } from './fixtures';

test('the home page redirects to Buckets, which has its title', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/buckets$/);
  await expect(page).toHaveTitle('Buckets · S3 Replication Console');
  await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buckets', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('lists buckets created through the SDK with region and versioning', async ({ page, s3For }) => {
  const ohio = uniqueBucketName('e2e-ohio');
  const mumbai = uniqueBucketName('e2e-mumbai');
  await s3For('us-east-2').send(
    new CreateBucketCommand({ Bucket: ohio, CreateBucketConfiguration: { LocationConstraint: 'us-east-2' } }),
  );
  await s3For('ap-south-1').send(
    new CreateBucketCommand({ Bucket: mumbai, CreateBucketConfiguration: { LocationConstraint: 'ap-south-1' } }),
  );
  await s3For('ap-south-1').send(
    new PutBucketVersioningCommand({ Bucket: mumbai, VersioningConfiguration: { Status: 'Enabled' } }),
  );

  await page.goto('/buckets');

  const ohioRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: ohio, exact: true }) });
  await expect(ohioRow).toContainText('US East (Ohio) us-east-2');
  await expect(ohioRow).toContainText('Never enabled');
  const mumbaiRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: mumbai, exact: true }) });
  await expect(mumbaiRow).toContainText('Asia Pacific (Mumbai) ap-south-1');
  await expect(mumbaiRow).toContainText('Enabled');
  await expect(page.getByRole('link', { name: ohio, exact: true })).toHaveAttribute('href', `/buckets/${ohio}`);
});

test('a bucket created after the page loaded appears on Refresh', async ({ page, s3For }) => {
  await page.goto('/buckets');
  await expect(page.getByRole('heading', { level: 2, name: /Buckets/ })).toBeVisible();
  const name = uniqueBucketName('e2e-late');
  await s3For('us-east-1').send(new CreateBucketCommand({ Bucket: name }));

  await page.getByRole('button', { name: 'Refresh' }).click();

  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toContainText('US East (N. Virginia) us-east-1');
});

test('Connect shows the endpoint URL, the aws configure values and the tutorial commands', async ({ page }) => {
  await page.goto('/connect');
  await expect(page).toHaveTitle('Connect · S3 Replication Console');
  await expect(page.getByText(E2E_EMULATOR_URL, { exact: true })).toBeVisible();
  await expect(page.getByText('Answering')).toBeVisible();
  await expect(page.getByText('AKIAE2ETESTKEY000001', { exact: true })).toBeVisible();
  await expect(page.getByText(`aws s3 ls --endpoint-url ${E2E_EMULATOR_URL}`, { exact: true })).toBeVisible();
  await expect(
    page.getByText(`aws s3 cp --recursive s3://jtpbucket s3://jtp1bucket --endpoint-url ${E2E_EMULATOR_URL}`, { exact: true }),
  ).toBeVisible();

  // The secret stays masked until asked for.
  const secret = 'e2e-secret-access-key-not-a-real-secret0';
  await expect(page.getByText(secret, { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show secret access key' }).click();
  await expect(page.getByText(secret, { exact: true })).toBeVisible();
});

test('copy buttons copy their value and say so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/connect');
  await page.getByRole('button', { name: 'Copy endpoint URL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(E2E_EMULATOR_URL);
});

test('keyboard users can skip to the main content', async ({ page }) => {
  await page.goto('/buckets');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
