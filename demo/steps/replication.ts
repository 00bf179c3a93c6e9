import type { Page } from '@playwright/test';
import { expect } from './expect';
import type { DemoStep } from './context';

async function nextStep(page: Page, heading: string): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

export const openReplication: DemoStep = {
  title: 'Management → Replication → Get started',
  async run({ page, names, recorder }) {
    await page.goto(`/buckets/${names.source}/objects`);
    await page.getByRole('link', { name: 'Management', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/buckets/${names.source}/management`));
    await expect(page.getByRole('link', { name: 'Get started' })).toBeVisible();
    await recorder.screenshot(`${names.source} → Management: no replication rules yet`);
    await page.getByRole('link', { name: 'Get started' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Step 1: Set source' })).toBeVisible();
  },
};

export const runReplicationWizard: DemoStep = {
  title: 'The replication wizard: Set source, Set destination, Configure options, Review',
  async run({ page, names, recorder }) {
    // Set source: the entire bucket; the preview already warns that the two files will not be replicated by the rule.
    await expect(page.getByLabel(`Entire bucket ${names.source}`)).toBeChecked();
    await expect(page.getByText(/Objects already in the bucket are not replicated by the rule itself/)).toBeVisible();
    await recorder.screenshot(`Step 1, Set source: entire bucket ${names.source}`, { fullPage: true });

    await nextStep(page, 'Step 2: Set destination');
    await page.getByLabel('Destination bucket', { exact: true }).selectOption(names.destination);
    await expect(page.getByText('Cross-Region Replication (CRR)')).toBeVisible();
    await recorder.screenshot(`Step 2, Set destination: ${names.destination} in Asia Pacific (Mumbai), a cross-Region rule`, {
      fullPage: true,
    });

    await nextStep(page, 'Step 3: Configure options');
    await expect(page.getByLabel('Create new role')).toBeChecked();
    await page.getByLabel('Rule name').fill(names.ruleId);
    await page.getByLabel('Enabled', { exact: true }).check();
    await expect(page.getByText(`s3crr_role_for_${names.source}_to_${names.destination}`).first()).toBeVisible();
    await recorder.screenshot(`Step 3, Configure options: create a new IAM role, rule name ${names.ruleId}, status Enabled`, {
      fullPage: true,
    });

    await nextStep(page, 'Step 4: Review');
    await expect(page.getByRole('heading', { name: 'Permission policy' })).toBeVisible();
    await recorder.screenshot('Step 4, Review: every change Save will make, with the new role’s least-privilege policies', {
      fullPage: true,
    });
  },
};

export const saveReplicationRule: DemoStep = {
  title: 'Save: the rule is created',
  async run({ page, names, recorder }) {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/buckets/${names.source}/management\\?saved=${names.ruleId}`));
    const dialog = page.getByRole('dialog', { name: 'Replicate existing objects?' });
    await expect(dialog).toBeVisible();
    await recorder.screenshot('The console asks whether to replicate the objects already in the bucket');
    await dialog.getByRole('button', { name: 'No, do not replicate existing objects' }).click();

    await expect(page.getByText('Replication configuration updated successfully')).toBeVisible();
    const summary = page.getByRole('table', { name: 'Replication configuration' });
    await expect(summary).toContainText(`Bucket ${names.source}`);
    await expect(summary).toContainText('US East (Ohio)');
    await expect(summary).toContainText(`Bucket ${names.destination}`);
    await expect(summary).toContainText('Asia Pacific (Mumbai)');
    await expect(summary).toContainText(`s3crr_role_for_${names.source}_to_${names.destination}`);
    const rule = page
      .getByRole('table', { name: /Replication rules/ })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: names.ruleId }) });
    await expect(rule).toContainText('Enabled');
    await recorder.screenshot(
      '“Replication configuration updated successfully”: Source, Destination and Permissions, and the rules table',
      { fullPage: true },
    );
  },
};
