/** The aws-chunked bodies the AWS SDK v3 really sends for stream bodies, captured on the wire and decoded. */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifySigV4 } from '../auth/sigv4';
import { startWireCapture, type CapturedRequest, type WireCapture } from '../auth/wire-capture.testkit';
import { createAwsChunkedDecoder } from './aws-chunked';
import { checksumBase64, type ChecksumAlgorithm } from './checksums';

const credentials = { accessKeyId: 'AKIACHUNKEDTEST00000', secretAccessKey: 'chunked-secret' };
let capture: WireCapture;

beforeAll(async () => {
  capture = await startWireCapture();
});

afterAll(async () => {
  await capture.close();
});

beforeEach(() => {
  capture.requests.length = 0;
});

const client = (): S3Client =>
  new S3Client({ endpoint: capture.url, forcePathStyle: true, region: 'us-east-2', credentials, maxAttempts: 1 });

function header(request: CapturedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

async function decodeCaptured(request: CapturedRequest, pieces: Buffer[]): Promise<{ data: Buffer; trailers: Record<string, string> }> {
  const payloadHash = header(request, 'x-amz-content-sha256') ?? '';
  const decoder = createAwsChunkedDecoder({
    expectTrailer: payloadHash.endsWith('-TRAILER'),
    decodedContentLength: Number(header(request, 'x-amz-decoded-content-length')),
  });
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(pieces),
    decoder,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        out.push(chunk);
        callback();
      },
    }),
  );
  return { data: Buffer.concat(out), trailers: await decoder.trailers };
}

function streamOf(data: Buffer, pieceSize: number): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < data.length; i += pieceSize) pieces.push(data.subarray(i, i + pieceSize));
  return Readable.from(pieces);
}

describe('AWS SDK v3 stream uploads (STREAMING-UNSIGNED-PAYLOAD-TRAILER)', () => {
  const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));

  it.each<[string, ChecksumAlgorithm | undefined]>([
    ['default checksum', undefined],
    ['CRC32C', 'CRC32C'],
    ['SHA256', 'SHA256'],
    ['CRC64NVME', 'CRC64NVME'],
  ])('PutObject with a stream body and %s: verifies, decodes and matches the trailer checksum', async (_, algorithm) => {
    await client()
      .send(
        new PutObjectCommand({
          Bucket: 'bucket',
          Key: 'streamed object.bin',
          Body: streamOf(data, 16_384),
          ContentLength: data.length,
          ChecksumAlgorithm: algorithm,
        }),
      )
      .catch(() => undefined);
    const request = capture.requests.at(-1);
    if (!request) throw new Error('nothing captured');
    expect(header(request, 'content-encoding')).toContain('aws-chunked');
    expect(header(request, 'x-amz-content-sha256')).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');

    const verified = await verifySigV4(
      { method: request.method, rawPath: request.rawPath, rawQuery: request.rawQuery, headers: request.headers },
      (id) => (id === credentials.accessKeyId ? credentials : undefined),
    );
    expect(verified.signedPayloadHash).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');

    const trailerName = header(request, 'x-amz-trailer') ?? '';
    const expectedAlgorithm = algorithm ?? 'CRC32';
    expect(trailerName).toBe(`x-amz-checksum-${expectedAlgorithm.toLowerCase()}`);
    const decoded = await decodeCaptured(request, [request.body]);
    expect(decoded.data.equals(data)).toBe(true);
    expect(decoded.trailers[trailerName]).toBe(checksumBase64(expectedAlgorithm, data));

    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: request.body.length }), { maxLength: 12 }), async (points) => {
        const cuts = [...new Set(points)].sort((a, b) => a - b);
        const pieces: Buffer[] = [];
        let start = 0;
        for (const cut of [...cuts, request.body.length]) {
          if (cut > start) pieces.push(request.body.subarray(start, cut));
          start = Math.max(start, cut);
        }
        const again = await decodeCaptured(request, pieces);
        expect(again.data.equals(data)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('UploadPart with a stream body decodes the same way', async () => {
    const part = data.subarray(0, 50_000);
    await client()
      .send(
        new UploadPartCommand({
          Bucket: 'bucket',
          Key: 'k',
          UploadId: 'upload-1',
          PartNumber: 1,
          Body: streamOf(part, 1000),
          ContentLength: part.length,
        }),
      )
      .catch(() => undefined);
    const request = capture.requests.at(-1);
    if (!request) throw new Error('nothing captured');
    const decoded = await decodeCaptured(request, [request.body]);
    expect(decoded.data.equals(part)).toBe(true);
  });
});
