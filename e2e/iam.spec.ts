import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetUserCommand,
  ListAttachedRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { E2E_EMULATOR_URL } from './e2e-env';
import type { Page } from '@playwright/test';
import { e2eIamClient, expect, S3_TRUST_POLICY, test } from './fixtures';

/**
 * The tutorial's IAM step through the console: group javatpoint with AdministratorAccess, a user with programmatic
 * access in it, its access key (shown once, .csv), then that key used with the SDK, as `aws s3 ls` does.
 */
test.describe.configure({ mode: 'serial' });

const GROUP = 'javatpoint';
const USER = 'jtp-cli-user';
const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

function s3As(accessKeyId: string, secretAccessKey: string): S3Client {
  return new S3Client({ region: 'us-east-1', endpoint: E2E_EMULATOR_URL, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
}

/** The list is shown and the page's scripts have loaded, so its forms are handled by React, not submitted natively. */
async function listed(page: Page, what: 'Users' | 'Groups' | 'Roles'): Promise<void> {
  await expect(page.getByRole('heading', { name: new RegExp(`^${what} \\(\\d+\\)$`) })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

let accessKeyId = '';
let secretAccessKey = '';

test('creates group javatpoint and attaches AdministratorAccess', async ({ page }) => {
  await page.goto('/iam/groups');
  await expect(page).toHaveTitle('Groups · IAM · S3 Replication Console');
  await listed(page, 'Groups');
  await page.getByLabel('Group name').fill(GROUP);
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.getByRole('link', { name: GROUP, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: `Group ${GROUP}` })).toBeVisible();

  await page.getByLabel('Filter policies').fill('AdministratorAccess');
  await page.getByLabel('Policy', { exact: true }).selectOption(ADMINISTRATOR_ACCESS);
  await page.getByRole('button', { name: 'Attach policy' }).click();
  await expect(page.getByRole('row').filter({ hasText: ADMINISTRATOR_ACCESS })).toBeVisible();

  await page.goto('/iam/groups');
  await listed(page, 'Groups');
  await page.getByLabel('Group name').fill(GROUP);
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'EntityAlreadyExists' })).toBeVisible();
});

test('creates a user with programmatic access in the group; the key is shown once and downloads as AWS .csv', async ({ page }) => {
  await page.goto('/iam/users');
  await listed(page, 'Users');
  await page.getByLabel('User name').fill(USER);
  await page.getByLabel('Programmatic access').check();
  await page.getByRole('checkbox', { name: GROUP, exact: true }).check();
  await page.getByRole('button', { name: 'Create user' }).click();

  const panel = page.getByText(`Access key created for ${USER}`).locator('xpath=ancestor::div[contains(@class,"rounded-xl")][1]');
  await expect(panel).toContainText('only time the secret access key can be viewed');
  accessKeyId = (await panel.locator('code').first().textContent()) ?? '';
  await panel.getByRole('button', { name: 'Show secret access key' }).click();
  secretAccessKey = (await panel.locator('code').nth(1).textContent()) ?? '';
  expect(accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
  expect(secretAccessKey.length).toBeGreaterThanOrEqual(40);

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download .csv file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${USER}_accessKeys.csv`);
  expect(await readFile((await download.path())!, 'utf8')).toBe(`Access key ID,Secret access key\r\n${accessKeyId},${secretAccessKey}\r\n`);

  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(secretAccessKey)).toHaveCount(0);

  await page.goto(`/iam/groups/${GROUP}`);
  await expect(page.getByRole('link', { name: USER, exact: true })).toBeVisible();
});

test('the new key lists buckets with the SDK; deactivated, it is refused', async ({ page }) => {
  const s3 = s3As(accessKeyId, secretAccessKey);
  const buckets = await s3.send(new ListBucketsCommand({}));
  expect(buckets.$metadata.httpStatusCode).toBe(200);

  await page.goto(`/iam/users/${USER}`);
  const row = page.getByRole('row').filter({ hasText: accessKeyId });
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Deactivate ${accessKeyId}` }).click();
  await expect(row).toContainText('Inactive');
  const refused = await s3.send(new ListBucketsCommand({})).then(
    () => undefined,
    (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode,
  );
  expect(refused).toBe(403);
  s3.destroy();
});

test('refuses a duplicate user with IAM message, and deletes a user after removing its key and group', async ({ page }) => {
  await page.goto('/iam/users');
  await listed(page, 'Users');
  await page.getByLabel('User name').fill(USER);
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('alert').filter({ hasText: `User with name ${USER} already exists.` })).toBeVisible();

  await page.goto(`/iam/users/${USER}`);
  await page.getByRole('button', { name: 'Delete user' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete user ${USER}?` });
  await expect(dialog).toContainText(`Delete access key ${accessKeyId}`);
  await expect(dialog).toContainText(`Remove the user from group ${GROUP}`);
  await dialog.getByRole('button', { name: 'Delete user' }).click();
  await expect(page.getByText(`User ${USER} deleted`)).toBeVisible();
  const iam = e2eIamClient();
  const gone = await iam.send(new GetUserCommand({ UserName: USER })).then(
    () => 'exists',
    (error: Error) => error.name,
  );
  expect(gone).toBe('NoSuchEntityException');
  iam.destroy();
});

test('shows a role with its trust and permission policies, and deletes it after detaching them', async ({ page }) => {
  const iam = e2eIamClient();
  const roleName = `e2e-role-${Date.now().toString(36)}`;
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: S3_TRUST_POLICY }));
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: 'replication-inline',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjectVersionForReplication', Resource: 'arn:aws:s3:::jtpbucket/*' }] }),
    }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: ADMINISTRATOR_ACCESS }));

  await page.goto('/iam/roles');
  await listed(page, 'Roles');
  await page.getByRole('link', { name: roleName, exact: true }).click();
  await expect(page).toHaveTitle(`Role ${roleName} · IAM · S3 Replication Console`);
  await expect(page.getByText('"Service": "s3.amazonaws.com"')).toBeVisible();
  await expect(page.getByText('"Action": "s3:GetObjectVersionForReplication"')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'AdministratorAccess · Attached (managed)' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete role' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete role ${roleName}?` });
  await expect(dialog).toContainText('Detach policy AdministratorAccess');
  await dialog.getByRole('button', { name: 'Delete role' }).click();
  await expect(page.getByText(`Role ${roleName} deleted`)).toBeVisible();
  const gone = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName })).then(
    () => 'exists',
    (error: Error) => error.name,
  );
  expect(gone).toBe('NoSuchEntityException');
  iam.destroy();
});
