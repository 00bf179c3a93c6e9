import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './expect';
import type { DemoContext, DemoStep } from './context';
import { openObjects } from './navigation';

function bucketRow(page: Page, bucket: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: bucket, exact: true }) });
}

async function createBucket(
  { page, recorder }: DemoContext,
  bucket: { name: string; region: string; regionLabel: string; versioning: boolean },
): Promise<void> {
  await page.goto('/buckets');
  await page.getByRole('button', { name: 'Create bucket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create bucket' });
  await dialog.getByLabel('Bucket name').fill(bucket.name);
  await dialog.getByLabel('AWS Region').selectOption(bucket.region);
  if (bucket.versioning) await dialog.getByLabel('Enable versioning').check();
  await recorder.screenshot(
    `Create bucket: ${bucket.name} in ${bucket.regionLabel}${bucket.versioning ? ', versioning enabled' : ''}`,
  );
  await dialog.getByRole('button', { name: 'Create bucket' }).click();
  await expect(dialog).toBeHidden();
  await expect(bucketRow(page, bucket.name)).toContainText(bucket.regionLabel);
}

export const openConsole: DemoStep = {
  title: 'Open the console',
  async run({ page, recorder }) {
    await page.goto('/');
    await expect(page).toHaveURL(/\/buckets$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Buckets' })).toBeVisible();
    await recorder.screenshot('The console opens on Buckets; the embedded endpoint starts empty');
  },
};

export const createSourceBucket: DemoStep = {
  title: 'Create the source bucket in US East (Ohio)',
  async run(context) {
    const { page, names, recorder } = context;
    await createBucket(context, { name: names.source, region: 'us-east-2', regionLabel: 'US East (Ohio)', versioning: true });
    await expect(bucketRow(page, names.source)).toContainText('Enabled');
    await recorder.screenshot(`${names.source} is listed in US East (Ohio) with versioning enabled`);
  },
};

export const uploadTutorialFiles: DemoStep = {
  title: 'Upload version.txt and download.jpg',
  async run({ page, names, recorder, fixturesDir }) {
    await openObjects(page, names.source);
    await page
      .getByLabel('Choose files to upload')
      .setInputFiles([path.join(fixturesDir, 'version.txt'), path.join(fixturesDir, 'download.jpg')]);
    await expect(page.getByText('Uploaded')).toHaveCount(2);
    await expect(page.getByRole('link', { name: 'version.txt', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'download.jpg', exact: true })).toBeVisible();
    await recorder.screenshot(`version.txt and download.jpg uploaded to ${names.source}`, { fullPage: true });
  },
};

export const createDestinationBucket: DemoStep = {
  title: 'Create the destination bucket in Asia Pacific (Mumbai)',
  async run(context) {
    const { page, names, recorder } = context;
    await createBucket(context, { name: names.destination, region: 'ap-south-1', regionLabel: 'Asia Pacific (Mumbai)', versioning: false });
    await expect(bucketRow(page, names.source)).toBeVisible();
    await recorder.screenshot(`The bucket list shows both buckets; ${names.destination}'s versioning is still off`);
  },
};
