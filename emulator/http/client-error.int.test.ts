import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';

const t = endpointForSuite();

beforeAll(async () => {
  await t.s3.send(new CreateBucketCommand({ Bucket: 'parser-errors' }));
});

interface RawAnswer {
  statusLine: string;
  headers: Record<string, string>;
  body: string;
  /** Everything received before the server closed the connection. */
  raw: string;
}

/** Writes bytes on a fresh connection and reads until the server closes it. */
function sendRaw(bytes: string): Promise<RawAnswer> {
  const url = new URL(t.emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(bytes);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The client may still be writing when the server answers; what was received is what counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const split = raw.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no HTTP answer: ${JSON.stringify(raw)}`));
      const [statusLine = '', ...headerLines] = raw.slice(0, split).split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ statusLine, headers, body: raw.slice(split + 4), raw });
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
  });
}

function xmlElement(body: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
}

function expectS3Error(answer: RawAnswer, status: number, code: string): void {
  expect(answer.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(answer.headers['content-type']).toBe('application/xml');
  expect(answer.headers.connection).toBe('close');
  expect(answer.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  expect(answer.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error>/);
  expect(xmlElement(answer.body, 'Code')).toBe(code);
  expect(xmlElement(answer.body, 'RequestId')).toBe(answer.headers['x-amz-request-id']);
}

describe('requests Node cannot parse get S3 XML errors', () => {
  it('a negative Content-Length → 400 InvalidArgument naming Content-Length', async () => {
    const answer = await sendRaw('PUT /parser-errors/k HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n');
    expectS3Error(answer, 400, 'InvalidArgument');
    expect(xmlElement(answer.body, 'ArgumentName')).toBe('Content-Length');
    expect(xmlElement(answer.body, 'Resource')).toBe('/parser-errors/k');
  });

  it('a non-numeric Content-Length → 400 InvalidArgument', async () => {
    const answer = await sendRaw('PUT /parser-errors/k HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n');
    expectS3Error(answer, 400, 'InvalidArgument');
  });

  it('Content-Length together with chunked Transfer-Encoding (a smuggling shape) → 400 BadRequest', async () => {
    const answer = await sendRaw(
      'PUT /parser-errors/k HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
    );
    expectS3Error(answer, 400, 'BadRequest');
  });

  it('a bad request line → 400 BadRequest', async () => {
    expectS3Error(await sendRaw('GARBAGE\r\n\r\n'), 400, 'BadRequest');
    expectS3Error(await sendRaw('GET /parser-errors HTTP/9.9 extra\r\nHost: localhost\r\n\r\n'), 400, 'BadRequest');
  });

  it('a header section over Node\'s limit → 400 RequestHeaderSectionTooLarge', async () => {
    const answer = await sendRaw(`GET /parser-errors/k HTTP/1.1\r\nHost: localhost\r\nx-big: ${'a'.repeat(100_000)}\r\n\r\n`);
    expectS3Error(answer, 400, 'RequestHeaderSectionTooLarge');
  });

  it('a broken request pipelined after a good one: the good answer is whole, the error follows it', async () => {
    const answer = await sendRaw(
      'GET /parser-errors/missing HTTP/1.1\r\nHost: localhost\r\n\r\n' +
        'PUT /parser-errors/k HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n',
    );
    // The first request is unsigned: S3 answers it with its own (complete) XML error, then the parser error.
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 403 /);
    const second = answer.raw.indexOf('HTTP/1.1 400 ');
    expect(second).toBeGreaterThan(0);
    expect(answer.raw.slice(0, second)).toMatch(/<\/Error>$/);
    expect(answer.raw.slice(second)).toContain('<Code>InvalidArgument</Code>');
  });

  it('the SDK reads the error of an oversized header section like any S3 error', async () => {
    const error = await t.s3
      .send(new PutObjectCommand({ Bucket: 'parser-errors', Key: 'big-meta', Body: 'x', Metadata: { big: 'm'.repeat(40_000) } }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect((error as S3ServiceException).name).toBe('RequestHeaderSectionTooLarge');
    expect((error as S3ServiceException).$metadata.httpStatusCode).toBe(400);
  });

  it('the endpoint keeps serving after all of these', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: 'parser-errors', Key: 'after', Body: 'still here' }));
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'parser-errors', Key: 'after' }));
    expect(await got.Body?.transformToString()).toBe('still here');
  });
});
