import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { S3Error } from '../s3/errors';
import type { IncomingBody } from '../store/objects';

/** Reads a whole (small) decoded body, failing with `tooLargeCode` past `maxBytes` without buffering the excess. */
export async function readWholeBody(body: IncomingBody, maxBytes: number, tooLargeCode: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > maxBytes) {
        callback(new S3Error(tooLargeCode));
        return;
      }
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline([body.stream, ...body.transforms, sink]);
  return Buffer.concat(chunks);
}

/** The raw request body (no decoding), at most `maxBytes` (IAM/STS form posts). */
export async function readRawBody(request: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new S3Error('MaxMessageLengthExceeded');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
