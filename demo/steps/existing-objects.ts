import type { Page } from '@playwright/test';
import { expect } from './expect';
import type { DemoContext, DemoStep } from './context';
import { openObjects } from './navigation';

function compareRow(page: Page, key: string) {
  return page.locator(`[data-testid="compare-row"][data-key="${key}"]`);
}

const TUTORIAL_FILES = ['version.txt', 'download.jpg'];
/** The compare page's first listing of both buckets, and a copy job, can take a while on a busy machine. */
const COMPARE_TIMEOUT_MS = 30_000;

export const destinationStillEmpty: DemoStep = {
  title: 'The destination is still empty, and Compare says why',
  async run({ page, names, recorder }) {
    await openObjects(page, names.destination);
    await expect(page.getByText(new RegExp(`No objects in .*${names.destination}`))).toBeVisible();
    await recorder.screenshot(`${names.destination} is empty: version.txt and download.jpg were uploaded before the rule existed`);

    await page.goto(`/compare?${new URLSearchParams({ bucket: names.source, rule: names.ruleId })}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Compare buckets' })).toBeVisible();
    for (const key of TUTORIAL_FILES) {
      await expect(compareRow(page, key)).toHaveAttribute('data-class', 'not-replicated', { timeout: COMPARE_TIMEOUT_MS });
      await expect(compareRow(page, key)).toContainText('EXISTED_BEFORE_RULE');
    }
    await expect(page.getByText('2 objects existed before the rule')).toBeVisible();
    await recorder.screenshot(`Compare says why: both files existed before rule ${names.ruleId}, which replicates only later writes`, {
      fullPage: true,
    });
  },
};

async function copyWithAwsCli({ names, recorder, awsCli, state }: DemoContext): Promise<void> {
  const key = state.accessKey;
  if (!awsCli || !key) throw new Error('copying with the AWS CLI needs the CLI and the access key made by the IAM step');
  recorder.note(
    `The AWS CLI runs with the new user's key (AWS_ACCESS_KEY_ID=${key.accessKeyId}, its secret, AWS_DEFAULT_REGION=us-east-1), as \`aws configure\` sets it up in the tutorial.`,
  );

  const listing = await awsCli.run(['s3', 'ls'], key);
  recorder.command({ caption: 'aws s3 ls: both buckets, with their creation dates', ...listing });
  expect(listing.exitCode, listing.output).toBe(0);
  expect(listing.output).toContain(names.source);
  expect(listing.output).toContain(names.destination);

  const copy = await awsCli.run(['s3', 'cp', '--recursive', `s3://${names.source}`, `s3://${names.destination}`], key);
  recorder.command({ caption: `aws s3 cp --recursive: the existing objects copied to ${names.destination}`, ...copy });
  expect(copy.exitCode, copy.output).toBe(0);
  for (const file of TUTORIAL_FILES) {
    expect(copy.output).toContain(`copy: s3://${names.source}/${file} to s3://${names.destination}/${file}`);
  }
}

/** Without the AWS CLI: the console's copy job, from the compare page. */
async function copyFromConsole({ page, names, recorder }: DemoContext): Promise<void> {
  recorder.note('The AWS CLI (aws) is not installed here, so the existing objects are copied with the console’s copy job instead.');
  await page.goto(`/compare?${new URLSearchParams({ bucket: names.source, rule: names.ruleId })}`);
  await expect(compareRow(page, TUTORIAL_FILES[0])).toBeVisible({ timeout: COMPARE_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Replicate existing objects' }).click();
  await expect(page.getByTestId('copy-job').getByRole('progressbar', { name: 'Copy progress' })).toBeVisible({ timeout: COMPARE_TIMEOUT_MS });
  await expect(page.getByTestId('copy-job-counts')).toContainText('2 of 2 objects', { timeout: COMPARE_TIMEOUT_MS });
  await expect(page.getByTestId('copy-job-summary')).toContainText('2 copied, 0 skipped, 0 failed.');
  for (const key of TUTORIAL_FILES) {
    await expect(compareRow(page, key)).toHaveAttribute('data-class', 'replicated', { timeout: COMPARE_TIMEOUT_MS });
  }
  await recorder.screenshot('Replicate existing objects: the copy job’s progress bar reaches 2 of 2, and both files show as replicated', {
    fullPage: true,
  });
}

export const copyExistingObjects: DemoStep = {
  title: 'Copy the existing objects',
  async run(context) {
    if (context.awsCli) await copyWithAwsCli(context);
    else await copyFromConsole(context);
  },
};

export const destinationHasBoth: DemoStep = {
  title: 'The destination now holds both files',
  async run({ page, names, recorder }) {
    await openObjects(page, names.destination);
    await expect(page.getByRole('link', { name: 'version.txt', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'download.jpg', exact: true })).toBeVisible();
    await recorder.screenshot(`${names.destination} now holds version.txt and download.jpg`);
  },
};
