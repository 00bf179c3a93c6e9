import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { s3Failure } from '../test/harness';

const t = endpointForSuite();
const MiB = 1024 * 1024;

beforeAll(async () => {
  await t.s3.send(new CreateBucketCommand({ Bucket: 'mpu' }));
});

function patterned(size: number, seed: number): Buffer {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4096) buffer.writeUInt32BE((i * 2654435761 + seed) >>> 0, i);
  return buffer;
}

const md5 = (data: Buffer) => createHash('md5').update(data).digest();

describe('multipart uploads', () => {
  it('uploads 20 MB through lib-storage Upload as a stream', async () => {
    const data = patterned(20 * MiB, 7);
    const upload = new Upload({
      client: t.s3,
      params: { Bucket: 'mpu', Key: 'big/file.bin', Body: Readable.from([data.subarray(0, 9 * MiB), data.subarray(9 * MiB)]) },
      partSize: 5 * MiB,
      queueSize: 2,
    });
    const result = await upload.done();
    const partMd5s = [0, 1, 2, 3].map((i) => md5(data.subarray(i * 5 * MiB, (i + 1) * 5 * MiB)));
    const expectedEtag = `"${createHash('md5').update(Buffer.concat(partMd5s)).digest('hex')}-4"`;
    expect(result.ETag).toBe(expectedEtag);
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: 'mpu', Key: 'big/file.bin' }));
    expect(head).toMatchObject({ ContentLength: 20 * MiB, ETag: expectedEtag, PartsCount: 4 });
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'mpu', Key: 'big/file.bin', Range: `bytes=${12 * MiB}-${12 * MiB + 9}` }));
    const bytes = Buffer.from(await (got.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    expect(bytes.equals(data.subarray(12 * MiB, 12 * MiB + 10))).toBe(true);
    const full = await t.s3.send(new GetObjectCommand({ Bucket: 'mpu', Key: 'big/file.bin' }));
    const all = Buffer.from(await (full.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    expect(md5(all).equals(md5(data))).toBe(true);
  });

  it('lists uploads and parts, copies parts, and checks the completion request', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: 'mpu', Key: 'source', Body: patterned(6 * MiB, 3) }));
    const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: 'mpu', Key: 'assembled', ContentType: 'x/y', Metadata: { a: 'b' } }));
    const part1 = await t.s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'assembled', UploadId, PartNumber: 1, Body: patterned(5 * MiB, 1) }));
    const part2 = await t.s3.send(
      new UploadPartCopyCommand({ Bucket: 'mpu', Key: 'assembled', UploadId, PartNumber: 2, CopySource: 'mpu/source', CopySourceRange: `bytes=0-${5 * MiB - 1}` }),
    );
    const small = await t.s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'assembled', UploadId, PartNumber: 3, Body: 'tiny' }));
    const last = await t.s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'assembled', UploadId, PartNumber: 5, Body: 'tiny2' }));

    const uploads = await t.s3.send(new ListMultipartUploadsCommand({ Bucket: 'mpu' }));
    expect(uploads.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([['assembled', UploadId]]);
    const parts = await t.s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'assembled', UploadId }));
    expect(parts.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, 5 * MiB],
      [2, 5 * MiB],
      [3, 4],
      [5, 5],
    ]);
    const paged = await t.s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'assembled', UploadId, MaxParts: 1, PartNumberMarker: '1' }));
    expect(paged).toMatchObject({ IsTruncated: true, NextPartNumberMarker: '2' });

    const complete = (parts: { PartNumber: number; ETag?: string }[]) =>
      t.s3.send(new CompleteMultipartUploadCommand({ Bucket: 'mpu', Key: 'assembled', UploadId, MultipartUpload: { Parts: parts } }));
    expect(await s3Failure(complete([{ PartNumber: 2, ETag: part2.CopyPartResult?.ETag }, { PartNumber: 1, ETag: part1.ETag }]))).toMatchObject({
      name: 'InvalidPartOrder',
      message: 'The list of parts was not in ascending order. Parts must be ordered by part number.',
      status: 400,
    });
    expect(await s3Failure(complete([{ PartNumber: 1, ETag: '"0123456789abcdef0123456789abcdef"' }]))).toMatchObject({
      name: 'InvalidPart',
      status: 400,
    });
    expect(
      await s3Failure(complete([{ PartNumber: 1, ETag: part1.ETag }, { PartNumber: 3, ETag: small.ETag }, { PartNumber: 4, ETag: small.ETag }])),
    ).toMatchObject({ name: 'InvalidPart', status: 400 });
    expect(
      await s3Failure(complete([{ PartNumber: 3, ETag: small.ETag }, { PartNumber: 5, ETag: last.ETag }])),
    ).toMatchObject({ name: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed object size.', status: 400 });

    const done = await complete([
      { PartNumber: 1, ETag: part1.ETag },
      { PartNumber: 2, ETag: part2.CopyPartResult?.ETag },
      { PartNumber: 5, ETag: last.ETag },
    ]);
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: 'mpu', Key: 'assembled' }));
    expect(head).toMatchObject({ ContentLength: 10 * MiB + 5, ContentType: 'x/y', Metadata: { a: 'b' } });
    expect(await s3Failure(t.s3.send(new ListPartsCommand({ Bucket: 'mpu', Key: 'assembled', UploadId })))).toMatchObject({
      name: 'NoSuchUpload',
      status: 404,
    });
  });

  it('aborts uploads and refuses unknown ones and bad part numbers', async () => {
    const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: 'mpu', Key: 'aborted' }));
    await t.s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'aborted', UploadId, PartNumber: 1, Body: 'x' }));
    expect(
      await s3Failure(t.s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'aborted', UploadId, PartNumber: 10001, Body: 'x' }))),
    ).toMatchObject({ name: 'InvalidArgument', message: 'Part number must be an integer between 1 and 10000, inclusive', status: 400 });
    await t.s3.send(new AbortMultipartUploadCommand({ Bucket: 'mpu', Key: 'aborted', UploadId }));
    expect(await s3Failure(t.s3.send(new AbortMultipartUploadCommand({ Bucket: 'mpu', Key: 'aborted', UploadId })))).toMatchObject({
      name: 'NoSuchUpload',
      message: 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      status: 404,
    });
    expect(
      await s3Failure(t.s3.send(new UploadPartCommand({ Bucket: 'mpu', Key: 'aborted', UploadId: 'nope', PartNumber: 1, Body: 'x' }))),
    ).toMatchObject({ name: 'NoSuchUpload', status: 404 });
  });
});
