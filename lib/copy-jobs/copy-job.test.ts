import { describe, expect, it } from 'vitest';
import type { CompareRow } from '@/lib/compare/types';
import { CopyJob } from './copy-job';
import type { Copier } from './types';

async function* rowsOf(rows: CompareRow[]) {
  yield* rows;
}

const notReplicated = (key: string, code: string, size = 10): CompareRow => ({
  key,
  class: 'not-replicated',
  source: { size, versionId: `v-${key}` },
  reason: { code, message: code.toLowerCase() },
});

describe('CopyJob', () => {
  it('copies what existed before the rule, skips the rest with reasons, records failures', async () => {
    const copied: string[] = [];
    const copier: Copier = async (item) => {
      if (item.key === 'bad') return { status: 'failed', code: 'AccessDenied', message: 'denied' };
      if (item.key === 'throws') throw new Error('boom');
      copied.push(`${item.key}@${item.versionId}`);
      return { status: 'copied' };
    };
    const job = new CopyJob('id', { source: 's', ruleId: 'r', kind: 'existing' }, 'replicate', { sourceBucket: 's', destinationBucket: 'd' }, copier, 2);
    await job.run(
      rowsOf([
        notReplicated('a', 'EXISTED_BEFORE_RULE'),
        notReplicated('bad', 'EXISTED_BEFORE_RULE'),
        notReplicated('throws', 'EXISTED_BEFORE_RULE'),
        notReplicated('k', 'KMS_NOT_OPTED_IN'),
        { key: 'ok', class: 'replicated', source: { size: 1 }, destination: { size: 1 } },
        { key: 'p', class: 'pending', source: { size: 1 } },
      ]),
      () => ({ code: 'X', message: 'x' }),
    );
    const view = job.view();
    expect(copied).toEqual(['a@v-a']);
    expect(view).toMatchObject({ state: 'completed', total: { objects: 3, bytes: 30 }, done: { objects: 3 }, copied: 1, failed: 2, skipped: 1 });
    expect(view.skippedReasons).toEqual({ KMS_NOT_OPTED_IN: { count: 1, message: 'kms_not_opted_in' } });
    expect(view.failures.map((f) => [f.key, f.code])).toEqual([
      ['bad', 'AccessDenied'],
      ['throws', 'Error'],
    ]);
  });

  it('retry-failed takes only FAILED rows', async () => {
    const seen: string[] = [];
    const job = new CopyJob('id', { source: 's', ruleId: 'r', kind: 'retry-failed' }, 'replicate', { sourceBucket: 's', destinationBucket: 'd' }, async (item) => {
      seen.push(item.key);
      return { status: 'copied' };
    });
    await job.run(rowsOf([{ key: 'f', class: 'failed', source: { size: 2 } }, notReplicated('n', 'EXISTED_BEFORE_RULE')]), () => ({ code: 'X', message: 'x' }));
    expect(seen).toEqual(['f']);
    expect(job.view().skipped).toBe(0);
  });

  it('records a failed listing as a failed job', async () => {
    async function* broken(): AsyncGenerator<CompareRow> {
      yield notReplicated('a', 'EXISTED_BEFORE_RULE');
      throw new Error('listing broke');
    }
    const job = new CopyJob('id', { source: 's', ruleId: 'r', kind: 'existing' }, 'copy-object', { sourceBucket: 's', destinationBucket: 'd' }, async () => ({ status: 'copied' }));
    await job.run(broken(), (error) => ({ code: 'ListingFailed', message: String(error) }));
    expect(job.view()).toMatchObject({ state: 'failed', error: { code: 'ListingFailed' }, copied: 0 });
  });
});
