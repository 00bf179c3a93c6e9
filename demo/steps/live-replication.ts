import type { Page } from '@playwright/test';
import { expect } from './expect';
import type { DemoStep } from './context';
import { openObjects } from './navigation';

/** The console polls PENDING statuses every 2 s; a replication takes the endpoint's delay on top. */
const REPLICATED_WITHIN_MS = 45_000;

function objectRow(page: Page, key: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: key, exact: true }) });
}

export const laterUploadReplicates: DemoStep = {
  title: 'A new upload is replicated on its own',
  async run({ page, names, recorder, pendingIsObservable }) {
    await openObjects(page, names.source);
    await page.getByLabel('Choose files to upload').setInputFiles({
      name: names.laterFile,
      mimeType: 'text/plain',
      buffer: Buffer.from(`Written after rule ${names.ruleId} was saved: replication copies it without any command.\n`),
    });
    const row = objectRow(page, names.laterFile);
    await expect(row).toContainText(/PENDING|COMPLETED/);
    if (pendingIsObservable) {
      // On a very busy machine the copy can finish before the page first reads the status: say so rather than fail.
      if ((await row.textContent())?.includes('PENDING')) {
        await recorder.screenshot(`${names.laterFile} uploaded: replication status PENDING`, { fullPage: true });
      } else {
        recorder.note(`${names.laterFile} was replicated before the page first showed its status, so PENDING was not captured.`);
      }
    }
    await expect(row).toContainText('COMPLETED', { timeout: REPLICATED_WITHIN_MS });
    await recorder.screenshot('A few seconds later, without any command: COMPLETED', { fullPage: true });

    await page.goto(`/buckets/${names.destination}/objects`);
    await expect(objectRow(page, names.laterFile)).toContainText('REPLICA');
    await recorder.screenshot(`${names.destination} holds the replica (status REPLICA)`, { fullPage: true });
  },
};
