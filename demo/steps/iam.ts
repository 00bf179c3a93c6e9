import { expect } from './expect';
import type { DemoStep } from './context';

const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

export const createAdminGroup: DemoStep = {
  title: 'IAM: a group with AdministratorAccess, as the tutorial does for the AWS CLI',
  async run({ page, names, recorder }) {
    await page.goto('/iam/groups');
    await page.getByLabel('Group name').fill(names.group);
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('link', { name: names.group, exact: true }).first().click();
    await expect(page.getByRole('heading', { name: `Group ${names.group}` })).toBeVisible();

    await page.getByLabel('Filter policies').fill('AdministratorAccess');
    await page.getByLabel('Policy', { exact: true }).selectOption(ADMINISTRATOR_ACCESS);
    await page.getByRole('button', { name: 'Attach policy' }).click();
    await expect(page.getByRole('row').filter({ hasText: ADMINISTRATOR_ACCESS })).toBeVisible();
    await recorder.screenshot(`Group ${names.group} with the AdministratorAccess policy attached`);
  },
};

export const createCliUser: DemoStep = {
  title: 'IAM: a user with programmatic access in that group, and its access key (shown once)',
  async run({ page, names, recorder, state }) {
    await page.goto('/iam/users');
    await page.getByLabel('User name').fill(names.user);
    await page.getByLabel('Programmatic access').check();
    await page.getByRole('checkbox', { name: names.group, exact: true }).check();
    await recorder.screenshot(`Add user ${names.user}: programmatic access, member of ${names.group}`);
    await page.getByRole('button', { name: 'Create user' }).click();

    // The innermost box holding both the title and its Done button (the success alert has no role of its own).
    const panel = page
      .locator('div')
      .filter({ has: page.getByText(`Access key created for ${names.user}`) })
      .filter({ has: page.getByRole('button', { name: 'Done' }) })
      .last();
    await expect(panel).toContainText('only time the secret access key can be viewed');
    await recorder.screenshot('The access key ID and the secret access key, shown this once (the secret masked until asked for)');

    // Read the key as a person would copy it; the reveal is not recorded.
    const accessKeyId = (await panel.locator('code').first().textContent())?.trim() ?? '';
    await panel.getByRole('button', { name: 'Show secret access key' }).click();
    const secretAccessKey = (await panel.locator('code').nth(1).textContent())?.trim() ?? '';
    expect(accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(secretAccessKey.length).toBeGreaterThanOrEqual(40);
    state.accessKey = { accessKeyId, secretAccessKey };
    await panel.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText(secretAccessKey)).toHaveCount(0);
  },
};
