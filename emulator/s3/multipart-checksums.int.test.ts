import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3ServiceException,
  UploadPartCommand,
  type ChecksumAlgorithm,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';

const t = endpointForSuite();
const BUCKET = 'mpu-checksums';
const PART_SIZE = 5 * 1024 * 1024;

beforeAll(async () => {
  await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

/** 11 MiB of varied bytes: three parts of 5, 5 and 1 MiB. */
const body = Buffer.alloc(11 * 1024 * 1024);
for (let i = 0; i < body.length; i += 1) body[i] = (i * 31 + (i >> 12)) & 0xff;
const partsOf = (bytes: Buffer): Buffer[] =>
  Array.from({ length: Math.ceil(bytes.length / PART_SIZE) }, (_, i) => bytes.subarray(i * PART_SIZE, (i + 1) * PART_SIZE));

/** Raw digests computed here with Node's own zlib / crypto, independently of the endpoint's implementation. */
const rawDigest: Record<'CRC32' | 'SHA256', (data: Buffer) => Buffer> = {
  CRC32: (data) => {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(crc32(data));
    return out;
  },
  SHA256: (data) => createHash('sha256').update(data).digest(),
};

function expectedComposite(algorithm: 'CRC32' | 'SHA256', bytes: Buffer): string {
  const parts = partsOf(bytes);
  const combined = Buffer.concat(parts.map((part) => rawDigest[algorithm](part)));
  return `${rawDigest[algorithm](combined).toString('base64')}-${parts.length}`;
}

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(S3ServiceException);
  return error as S3ServiceException;
}

describe('multipart uploads created with x-amz-checksum-algorithm', () => {
  it.each(['CRC32', 'SHA256'] as const)('lib-storage Upload with %s: the object gets the composite checksum', async (algorithm) => {
    const key = `upload-${algorithm}`;
    const upload = new Upload({
      client: t.s3,
      params: { Bucket: BUCKET, Key: key, Body: body, ChecksumAlgorithm: algorithm },
      partSize: PART_SIZE,
      queueSize: 2,
    });
    const result = await upload.done();
    const expected = expectedComposite(algorithm, body);
    expect(result[`Checksum${algorithm}`]).toBe(expected);
    expect(result.ChecksumType).toBe('COMPOSITE');

    const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }));
    expect(head[`Checksum${algorithm}`]).toBe(expected);
    expect(head.ChecksumType).toBe('COMPOSITE');
    expect(head.ETag).toMatch(/-3"$/);

    const got = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }));
    expect(got[`Checksum${algorithm}`]).toBe(expected);
    expect(got.ChecksumType).toBe('COMPOSITE');
    expect(Buffer.from(await (got.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array()))).equals(body)).toBe(true);

    const withoutMode = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(withoutMode[`Checksum${algorithm}`]).toBeUndefined();
  });

  it('lib-storage without ChecksumAlgorithm asks for CRC32 itself (the SDK default), so the object gets a CRC32 composite', async () => {
    await new Upload({ client: t.s3, params: { Bucket: BUCKET, Key: 'sdk-default', Body: body }, partSize: PART_SIZE }).done();
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'sdk-default', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumCRC32).toBe(expectedComposite('CRC32', body));
    expect(head.ChecksumType).toBe('COMPOSITE');
  });

  it('an upload created without x-amz-checksum-algorithm has no object checksum, whatever its parts sent', async () => {
    const created = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'plain' }));
    const part = await t.s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key: 'plain', UploadId: created.UploadId, PartNumber: 1, Body: 'one', ChecksumAlgorithm: 'CRC32' }),
    );
    const done = await t.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'plain',
        UploadId: created.UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    expect(done.ChecksumCRC32).toBeUndefined();
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'plain', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumCRC32).toBeUndefined();
    expect(head.ChecksumType).toBeUndefined();
  });

  describe('refusals', () => {
    const create = async (key: string, algorithm: ChecksumAlgorithm) =>
      (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ChecksumAlgorithm: algorithm }))).UploadId as string;

    it('a part sent with another algorithm → 400 InvalidRequest', async () => {
      const uploadId = await create('mismatch', 'SHA256');
      const error = await failure(
        t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'mismatch', UploadId: uploadId, PartNumber: 1, Body: 'x', ChecksumAlgorithm: 'CRC32' })),
      );
      expect(error.name).toBe('InvalidRequest');
      expect(error.message).toBe('Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: crc32');
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('a part whose sent checksum does not match its bytes → 400 BadDigest', async () => {
      const uploadId = await create('bad-digest', 'SHA256');
      const error = await failure(
        t.s3.send(
          new UploadPartCommand({
            Bucket: BUCKET,
            Key: 'bad-digest',
            UploadId: uploadId,
            PartNumber: 1,
            Body: 'actual bytes',
            ChecksumSHA256: createHash('sha256').update('other bytes').digest('base64'),
          }),
        ),
      );
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.name).toBe('BadDigest');
    });

    it('CompleteMultipartUpload listing a part checksum other than the stored one → 400 InvalidPart', async () => {
      const uploadId = await create('wrong-listed', 'SHA256');
      const part = await t.s3.send(
        new UploadPartCommand({ Bucket: BUCKET, Key: 'wrong-listed', UploadId: uploadId, PartNumber: 1, Body: 'only part', ChecksumAlgorithm: 'SHA256' }),
      );
      expect(part.ChecksumSHA256).toBe(createHash('sha256').update('only part').digest('base64'));
      const error = await failure(
        t.s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: BUCKET,
            Key: 'wrong-listed',
            UploadId: uploadId,
            MultipartUpload: {
              Parts: [{ PartNumber: 1, ETag: part.ETag, ChecksumSHA256: createHash('sha256').update('x').digest('base64') }],
            },
          }),
        ),
      );
      expect(error.name).toBe('InvalidPart');
      // Listed correctly, the same upload completes with a one-part composite checksum.
      const done = await t.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: BUCKET,
          Key: 'wrong-listed',
          UploadId: uploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag, ChecksumSHA256: part.ChecksumSHA256 }] },
        }),
      );
      const single = createHash('sha256').update('only part').digest();
      expect(done.ChecksumSHA256).toBe(`${createHash('sha256').update(single).digest('base64')}-1`);
    });
  });
});
