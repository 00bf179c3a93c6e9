import {
  CreateBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, downloadResponse } from './download';
import { failureOf, startTestEndpoint, type TestEndpoint } from './endpoint.testkit';
import { describeObject } from './object-details';
import { listObjectPage } from './object-listing';
import { createFolder, deleteObjects, deleteVersion } from './object-mutations';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  putSmallObject,
  startMultipartUpload,
  UPLOAD_PART_SIZE,
  uploadPart,
  type DeclaredBody,
} from './upload';
import { listVersionPage } from './version-listing';

let endpoint: TestEndpoint;
let s3: S3Client;
const FLAT = 'flat-bucket';
const VERSIONED = 'versioned-bucket';

beforeAll(async () => {
  endpoint = await startTestEndpoint();
  s3 = endpoint.s3Default;
  await s3.send(new CreateBucketCommand({ Bucket: FLAT }));
  await s3.send(new CreateBucketCommand({ Bucket: VERSIONED }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: VERSIONED, VersioningConfiguration: { Status: 'Enabled' } }));
  const keys = [...Array.from({ length: 25 }, (_, i) => `logs/2026/${String(i).padStart(3, '0')}.log`), 'photos/a.jpg', 'readme.txt', 'report-1.csv', 'report-2.csv'];
  await Promise.all(keys.map((Key) => s3.send(new PutObjectCommand({ Bucket: FLAT, Key, Body: Key }))));
});
afterAll(async () => endpoint?.stop());

function text(body: string): DeclaredBody {
  return { stream: new Blob([body]).stream(), contentLength: Buffer.byteLength(body) };
}

/** A body produced chunk by chunk, as a browser upload arrives: never one buffer. */
function streamOf(totalBytes: number, chunkBytes = 256 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      controller.enqueue(new Uint8Array(size).fill(sent % 251));
      sent += size;
    },
  });
}

describe('listing a folder a page at a time', () => {
  it('shows folders and objects of one level only', async () => {
    const root = await listObjectPage(s3, { bucket: FLAT, prefix: '' });
    expect(root.folders).toEqual(['logs/', 'photos/']);
    expect(root.objects.map((object) => object.key)).toEqual(['readme.txt', 'report-1.csv', 'report-2.csv']);
    expect(root.objects[0]).toMatchObject({ size: 10, storageClass: 'STANDARD' });
    expect(root.nextToken).toBeUndefined();
  });

  it('follows continuation tokens without repeating or skipping keys', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await listObjectPage(s3, { bucket: FLAT, prefix: 'logs/2026/', token, pageSize: 10 });
      expect(page.objects.length).toBeLessThanOrEqual(10);
      seen.push(...page.objects.map((object) => object.key));
      token = page.nextToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `logs/2026/${String(i).padStart(3, '0')}.log`));
  });

  it('searches by prefix inside the folder', async () => {
    const page = await listObjectPage(s3, { bucket: FLAT, prefix: 'report' });
    expect(page.objects.map((object) => object.key)).toEqual(['report-1.csv', 'report-2.csv']);
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    expect((await failureOf(listObjectPage(s3, { bucket: 'no-such-bucket-here', prefix: '' }))).name).toBe('NoSuchBucket');
  });
});

describe('folders', () => {
  it('creates a folder marker and refuses the same folder twice', async () => {
    expect(await createFolder(s3, { bucket: FLAT, parent: 'photos/', name: '2024' })).toEqual({ prefix: 'photos/2024/' });
    const inPhotos = await listObjectPage(s3, { bucket: FLAT, prefix: 'photos/' });
    expect(inPhotos.folders).toEqual(['photos/2024/']);
    const inside = await listObjectPage(s3, { bucket: FLAT, prefix: 'photos/2024/' });
    expect(inside.objects).toEqual([]);
    const failure = await failureOf(createFolder(s3, { bucket: FLAT, parent: '', name: 'logs' }));
    expect(failure).toMatchObject({ name: 'FolderAlreadyExists', status: 409 });
  });

  it('deletes a folder with everything under it, in batches', async () => {
    const outcome = await deleteObjects(s3, { bucket: FLAT, keys: [], folders: ['logs/'] });
    expect(outcome).toEqual({ deleted: 25, deleteMarkers: 0, failures: [] });
    expect((await listObjectPage(s3, { bucket: FLAT, prefix: '' })).folders).toEqual(['photos/']);
  });
});

describe('upload and download streaming', () => {
  it('uploads a file of one part with one PutObject and its content type', async () => {
    const uploaded = await putSmallObject(s3, { bucket: VERSIONED, key: 'version.txt', body: text('version 1\n'), contentType: 'text/plain' });
    expect(uploaded.versionId).toBeTruthy();
    const head = await s3.send(new HeadObjectCommand({ Bucket: VERSIONED, Key: 'version.txt' }));
    expect([head.ContentLength, head.ContentType, head.VersionId]).toEqual([10, 'text/plain', uploaded.versionId]);
  });

  it('stores nothing when the body is shorter or longer than declared', async () => {
    const short = await failureOf(
      putSmallObject(s3, { bucket: FLAT, key: 'cut.bin', body: { stream: streamOf(1000), contentLength: 4000 } }),
    );
    expect(short.name).toBe('IncompleteBody');
    const long = await failureOf(putSmallObject(s3, { bucket: FLAT, key: 'cut.bin', body: { stream: streamOf(5000), contentLength: 4000 } }));
    expect(long.name).toBe('IncompleteBody');
    expect((await failureOf(s3.send(new HeadObjectCommand({ Bucket: FLAT, Key: 'cut.bin' })))).status).toBe(404);
  });

  it('refuses a single request above one part or without a length', async () => {
    const big = await failureOf(putSmallObject(s3, { bucket: FLAT, key: 'x', body: { stream: streamOf(1), contentLength: UPLOAD_PART_SIZE + 1 } }));
    expect(big).toMatchObject({ name: 'EntityTooLarge', status: 413 });
    const unknown = await failureOf(putSmallObject(s3, { bucket: FLAT, key: 'x', body: { stream: streamOf(1), contentLength: Number.NaN } }));
    expect(unknown).toMatchObject({ name: 'MissingContentLength', status: 411 });
  });

  it('uploads a larger file part by part, streaming each part, and completes it', async () => {
    const size = UPLOAD_PART_SIZE + 1024 * 1024;
    const { uploadId } = await startMultipartUpload(s3, { bucket: FLAT, key: 'big.bin', contentType: 'application/zip' });
    const parts = [
      await uploadPart(s3, { bucket: FLAT, key: 'big.bin', uploadId, partNumber: 1, body: { stream: streamOf(UPLOAD_PART_SIZE), contentLength: UPLOAD_PART_SIZE } }),
      await uploadPart(s3, { bucket: FLAT, key: 'big.bin', uploadId, partNumber: 2, body: { stream: streamOf(1024 * 1024), contentLength: 1024 * 1024 } }),
    ];
    await completeMultipartUpload(s3, { bucket: FLAT, key: 'big.bin', uploadId, parts });
    const head = await s3.send(new HeadObjectCommand({ Bucket: FLAT, Key: 'big.bin' }));
    expect([head.ContentLength, head.ContentType]).toEqual([size, 'application/zip']);
    expect(head.ETag).toMatch(/-2"$/);
  });

  it('aborts a multipart upload so no parts are left behind', async () => {
    const { uploadId } = await startMultipartUpload(s3, { bucket: FLAT, key: 'abandoned.bin' });
    await uploadPart(s3, { bucket: FLAT, key: 'abandoned.bin', uploadId, partNumber: 1, body: text('part') });
    await abortMultipartUpload(s3, { bucket: FLAT, key: 'abandoned.bin', uploadId });
    const { Uploads } = await s3.send(new ListMultipartUploadsCommand({ Bucket: FLAT }));
    expect(Uploads ?? []).toEqual([]);
  });

  it('streams a download with the key as the file name', async () => {
    const response = await downloadResponse(s3, VERSIONED, { key: 'version.txt' });
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="version.txt"; filename*=UTF-8''version.txt`);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('version 1\n');
  });

  it('names a download safely whatever the key', () => {
    expect(contentDisposition('photos/été "x".jpg')).toBe(`attachment; filename="_t_ _x_.jpg"; filename*=UTF-8''%C3%A9t%C3%A9%20%22x%22.jpg`);
  });
});

describe('versions', () => {
  it('lists every version newest first, pages with key and version markers, and deletes one for good', async () => {
    await putSmallObject(s3, { bucket: VERSIONED, key: 'version.txt', body: text('version 2\n') });
    await putSmallObject(s3, { bucket: VERSIONED, key: 'version.txt', body: text('version 3\n') });
    const all = await listVersionPage(s3, { bucket: VERSIONED, prefix: '' });
    expect(all.versions.map((version) => [version.key, version.isLatest, version.size])).toEqual([
      ['version.txt', true, 10],
      ['version.txt', false, 10],
      ['version.txt', false, 10],
    ]);

    const first = await listVersionPage(s3, { bucket: VERSIONED, prefix: '', pageSize: 2 });
    expect(first.versions).toHaveLength(2);
    expect(first.next).toBeDefined();
    const second = await listVersionPage(s3, { bucket: VERSIONED, prefix: '', marker: first.next, pageSize: 2 });
    expect(second.versions.map((version) => version.versionId)).toEqual([all.versions[2].versionId]);
    expect(second.next).toBeUndefined();

    const oldest = all.versions[2];
    const details = await describeObject(s3, VERSIONED, { key: 'version.txt', versionId: oldest.versionId });
    expect(details).toMatchObject({ versionId: oldest.versionId, size: 10, contentType: 'text/plain', tags: [], metadata: {} });
    await deleteVersion(s3, { bucket: VERSIONED, key: 'version.txt', versionId: oldest.versionId });
    const { Versions } = await s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONED }));
    expect(Versions?.map((version) => version.VersionId)).not.toContain(oldest.versionId);
  });

  it('a delete in a versioned bucket adds a delete marker and keeps the versions', async () => {
    const outcome = await deleteObjects(s3, { bucket: VERSIONED, keys: ['version.txt'], folders: [] });
    expect(outcome).toEqual({ deleted: 0, deleteMarkers: 1, failures: [] });
    const page = await listVersionPage(s3, { bucket: VERSIONED, prefix: '' });
    expect(page.versions.map((version) => [version.isDeleteMarker, version.isLatest])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
    expect((await listObjectPage(s3, { bucket: VERSIONED, prefix: '' })).objects).toEqual([]);
  });
});
