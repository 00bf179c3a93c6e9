import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '@/emulator/index';
import { isValidBucketName } from '@/lib/s3/bucket-name';
import { recordingLogger, s3ClientFor } from '@/emulator/test/harness';
import { CORPUS, FIXTURE } from './corpus';
import { expectRefusedProperly } from './expectations';
import { encodeKey, send, sendTruncated } from './raw-client';

/** Every path under `dir`, relative to it. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('hostile input to the endpoint', () => {
  let parent: string;
  let dataDir: string;
  let emulator: EmulatorHandle;
  const errors: string[] = [];
  let outsideBefore: string[];

  beforeAll(async () => {
    parent = mkdtempSync(path.join(tmpdir(), 'hostile-'));
    dataDir = path.join(parent, 'data');
    mkdirSync(dataDir);
    emulator = await startEmulator({ port: 0, dataDir, logger: recordingLogger(errors) });
    const s3 = s3ClientFor(emulator);
    await s3.send(new CreateBucketCommand({ Bucket: FIXTURE.bucket }));
    await s3.send(new PutObjectCommand({ Bucket: FIXTURE.bucket, Key: FIXTURE.key, Body: FIXTURE.body }));
    s3.destroy();
    outsideBefore = snapshot(parent).filter((entry) => !entry.startsWith('data'));
  });

  afterAll(async () => {
    await emulator.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('corpus: %s', async (_name, corpusCase) => {
    const response = await send(emulator, corpusCase.request);
    expectRefusedProperly(response, corpusCase.name, corpusCase.statuses, corpusCase.codes);
  });

  it('truncated bodies and client aborts leave no object, no temp file, and a working endpoint', async () => {
    const uploads = [
      { path: `/${FIXTURE.bucket}/truncated-end`, declaredLength: 100_000, sentBytes: 10, abort: 'end' as const },
      { path: `/${FIXTURE.bucket}/truncated-destroy`, declaredLength: 5_000_000, sentBytes: 1_000_000, abort: 'destroy' as const },
      { path: `/${FIXTURE.bucket}/truncated-head`, declaredLength: 1_000, sentBytes: 0, abort: 'destroy' as const },
      { path: `/${FIXTURE.bucket}?tagging`, declaredLength: 10_000, sentBytes: 100, abort: 'end' as const },
    ];
    for (const upload of uploads) await sendTruncated(emulator, { method: 'PUT', signFor: 's3', ...upload });
    expect(await until(() => readdirSync(path.join(dataDir, 'tmp')).length === 0)).toBe(true);
    for (const key of ['truncated-end', 'truncated-destroy', 'truncated-head']) {
      const head = await send(emulator, { method: 'HEAD', path: `/${FIXTURE.bucket}/${key}`, signFor: 's3' });
      expect(head.status, key).toBe(404);
    }
    expect((await send(emulator, { method: 'GET', path: '/_emulator/health' })).status).toBe(200);
  });

  it('property: any key is stored and read back byte for byte, or refused with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
          fc.uint8Array({ minLength: 1, maxLength: 40 }),
          fc.constantFrom('..', '../..', '/', '//', '.', './x', 'a/../../b', '\u0000', 'x\u0000y', '\uFEFF', '\uD800'),
          fc.array(fc.constantFrom('..', '.', '', 'a', '\u0000', 'é', '🙂', '%'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('/')),
        ),
        fc.uint8Array({ maxLength: 64 }),
        async (key, bytes) => {
          const wireKey = encodeKey(key);
          const put = await send(emulator, { method: 'PUT', path: `/${FIXTURE.bucket}/${wireKey}`, body: Buffer.from(bytes), signFor: 's3' });
          expectRefusedProperly(put, `PUT ${wireKey}`, [200, 400]);
          if (put.status !== 200) return;
          const get = await send(emulator, { method: 'GET', path: `/${FIXTURE.bucket}/${wireKey}`, signFor: 's3' });
          expect(get.status, wireKey).toBe(200);
          expect(get.bytes.equals(Buffer.from(bytes)), wireKey).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: CreateBucket accepts exactly the names S3 accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,64}[a-z0-9]$/),
          fc.string({ minLength: 0, maxLength: 70 }),
          fc.ipV4(),
          fc.constantFrom('xn--abc', 'abc-s3alias', 'a', 'ab', 'a'.repeat(63), 'a'.repeat(64), 'ABC', 'a_b', 'sthree-x', 'a.-b'),
        ),
        async (name) => {
          const response = await send(emulator, { method: 'PUT', path: `/${encodeURIComponent(name)}`, signFor: 's3' });
          if (name === '' || name.includes('/')) {
            expect(response.status, JSON.stringify(name)).toBeLessThan(500);
            return;
          }
          expectRefusedProperly(response, `bucket ${JSON.stringify(name)}`, isValidBucketName(name) ? [200, 409] : [400]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: arbitrary XML configuration bodies get 2xx or an XML 4xx', async () => {
    const element = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 20 }),
        fc
          .tuple(fc.constantFrom('Status', 'Tag', 'TagSet', 'Key', 'Value', 'Rule', 'Object', 'MfaDelete', 'x'), fc.array(tie('node'), { maxLength: 4 }))
          .map(([name, children]) => `<${name}>${children.join('')}</${name}>`),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('versioning', 'tagging', 'replication', 'delete'),
        fc.constantFrom('VersioningConfiguration', 'Tagging', 'ReplicationConfiguration', 'Delete', 'Other'),
        fc.array(element, { maxLength: 5 }),
        fc.boolean(),
        async (sub, root, children, truncate) => {
          const xml = `<?xml version="1.0" encoding="UTF-8"?><${root}>${children.join('')}</${root}>`;
          const body = truncate ? xml.slice(0, Math.floor(xml.length / 2)) : xml;
          const response = await send(emulator, { method: sub === 'delete' ? 'POST' : 'PUT', path: `/${FIXTURE.bucket}?${sub}`, body, signFor: 's3' });
          expectRefusedProperly(response, `${sub} ${body.slice(0, 200)}`);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: arbitrary query strings on a bucket never produce a 5xx', async () => {
    const name = fc.constantFrom('list-type', 'max-keys', 'prefix', 'delimiter', 'marker', 'continuation-token', 'encoding-type', 'versions', 'uploads', 'fetch-owner', 'start-after', 'key-marker', 'version-id-marker', 'x', '');
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('2', '-1', '0', '1001', 'url', '%', '%zz', '\u0000'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, fc.option(value)), { maxLength: 6 }), async (pairs) => {
        const query = pairs
          .map(([n, v]) => (v === null ? encodeURIComponent(n) : `${encodeURIComponent(n)}=${v === '%' || v === '%zz' ? v : encodeURIComponent(v)}`))
          .join('&');
        const response = await send(emulator, { method: 'GET', path: `/${FIXTURE.bucket}?${query}`, signFor: 's3' });
        expectRefusedProperly(response, `?${query}`);
      }),
      { numRuns: 150 },
    );
  });

  it('property: arbitrary IAM policy documents are stored or refused with MalformedPolicyDocument', async () => {
    const statement = fc.record(
      {
        Effect: fc.constantFrom('Allow', 'Deny', 'allow', '', 'Maybe'),
        Action: fc.oneof(fc.constantFrom('s3:GetObject', 's3:*', '*', '', 'nocolon'), fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 })),
        Resource: fc.oneof(fc.constantFrom('*', 'arn:aws:s3:::b/*', ''), fc.string({ maxLength: 12 })),
        Principal: fc.constant('*'),
        Condition: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
      },
      { requiredKeys: [] },
    );
    const document = fc.oneof(
      fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 3 })) }, { requiredKeys: [] }).map((d) => JSON.stringify(d)),
      fc.json({ maxDepth: 3 }),
      fc.string({ maxLength: 80 }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(document, async (policy) => {
        n += 1;
        const body = new URLSearchParams({ Action: 'CreatePolicy', Version: '2010-05-08', PolicyName: `prop-${n}`, PolicyDocument: policy }).toString();
        const response = await send(emulator, {
          method: 'POST',
          path: '/',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body,
          signFor: 'iam',
        });
        expectRefusedProperly(response, `policy ${policy.slice(0, 200)}`, [200, 400, 409], response.status === 200 ? undefined : ['MalformedPolicyDocument', 'ValidationError', 'InvalidInput', 'LimitExceeded', 'EntityAlreadyExists']);
      }),
      { numRuns: 150 },
    );
  });

  it('does not grow memory over repeated hostile rounds', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    const measure = () => {
      gc?.();
      return process.memoryUsage();
    };
    const round = async () => {
      for (const corpusCase of CORPUS) await send(emulator, corpusCase.request);
    };
    await round();
    const before = measure();
    for (let i = 0; i < 5; i += 1) await round();
    const after = measure();
    const growthMb = (after.rss - before.rss) / 1024 / 1024;
    const heapGrowthMb = (after.heapUsed - before.heapUsed) / 1024 / 1024;
    console.log(`hostile: rounds=5 requests=${5 * CORPUS.length} rss_growth_mb=${growthMb.toFixed(1)} heap_growth_mb=${heapGrowthMb.toFixed(1)}`);
    expect(growthMb).toBeLessThan(150);
    expect(heapGrowthMb).toBeLessThan(100);
  });

  it('wrote nothing outside the data directory, logged no unexpected error, and still answers', async () => {
    expect(snapshot(parent).filter((entry) => !entry.startsWith('data'))).toEqual(outsideBefore);
    expect(readdirSync(parent)).toEqual(['data']);
    expect(errors).toEqual([]);
    expect((await send(emulator, { method: 'GET', path: '/_emulator/health' })).status).toBe(200);
  });
});
