import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { NodeSha256 } from '../auth/sigv4-crypto';
import { errorCode, rawRequest } from '../test/raw-request';
import { checksumBase64 } from './checksums';

const t = endpointForSuite();
beforeAll(async () => {
  await rawRequest(t.emulator, { method: 'PUT', path: '/bodies' });
});

/** Signs headers for a request whose body the caller writes on a raw socket. */
async function signedHeaders(method: string, path: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const url = new URL(t.emulator.url);
  const signer = new SignatureV4({
    credentials: t.emulator.credentials,
    region: 'us-east-1',
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.sign({
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path,
    headers: { host: url.host, ...headers },
  });
  return signed.headers as Record<string, string>;
}

/** Writes a raw HTTP/1.1 request and returns the status line and body of the answer. */
function rawSocketRequest(head: string, body: Buffer): Promise<string> {
  const url = new URL(t.emulator.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(head);
      socket.write(body);
    });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (/\r\n\r\n[\s\S]*<\/Error>/.test(received)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

function chunkedBody(data: Buffer, trailer: string): Buffer {
  return Buffer.concat([
    Buffer.from(`${data.length.toString(16)}\r\n`),
    data,
    Buffer.from(`\r\n0\r\n${trailer}\r\n\r\n`),
  ]);
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A STREAMING-AWS4-HMAC-SHA256-PAYLOAD body: every chunk signed, chained from the request's seed signature. */
function signedChunks(chunks: Buffer[], seed: string, signingKey: Buffer, dateTime: string, scope: string): Buffer {
  let previous = seed;
  const parts: Buffer[] = [];
  for (const chunk of [...chunks, Buffer.alloc(0)]) {
    const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', dateTime, scope, previous, sha256Hex(''), sha256Hex(chunk)].join('\n');
    previous = hmac(signingKey, stringToSign).toString('hex');
    parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`), chunk, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

describe('request bodies', () => {
  it('accepts signed aws-chunked bodies (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) and refuses a tampered chunk', async () => {
    const url = new URL(t.emulator.url);
    const chunks = [Buffer.alloc(8192, 'a'), Buffer.from('tail')];
    const decodedLength = chunks.reduce((sum, c) => sum + c.length, 0);
    const dateTime = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const date = dateTime.slice(0, 8);
    const scope = `${date}/us-east-1/s3/aws4_request`;
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${t.emulator.credentials.secretAccessKey}`, date), 'us-east-1'), 's3'), 'aws4_request');
    const encodedLength = signedChunks(chunks, '0'.repeat(64), signingKey, dateTime, scope).length;
    for (const tamper of [false, true]) {
      const headers = await signedHeaders('PUT', '/bodies/signed-chunks', {
        'x-amz-date': dateTime,
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(decodedLength),
        'content-length': String(encodedLength),
      });
      const seed = /Signature=([0-9a-f]{64})/.exec(headers.authorization)?.[1] as string;
      const body = signedChunks(chunks, seed, signingKey, dateTime, scope);
      if (tamper) body[body.length - 60] ^= 1;
      const status = await new Promise<number>((resolve, reject) => {
        const outgoing = request({ host: url.hostname, port: url.port, method: 'PUT', path: '/bodies/signed-chunks', headers }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      });
      expect(status).toBe(tamper ? 403 : 200);
    }
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'bodies', Key: 'signed-chunks' }));
    expect(await got.Body?.transformToString()).toBe(Buffer.concat(chunks).toString());
  });

  it('verifies an aws-chunked trailer checksum', async () => {
    const data = Buffer.from('trailer checked body');
    for (const [trailerValue, expected] of [
      [checksumBase64('CRC32', data), 200],
      ['AAAAAA==', 400],
    ] as const) {
      const body = chunkedBody(data, `x-amz-checksum-crc32:${trailerValue}`);
      const response = await rawRequest(t.emulator, {
        method: 'PUT',
        path: '/bodies/trailer',
        body,
        headers: {
          'content-encoding': 'aws-chunked',
          'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
          'x-amz-decoded-content-length': String(data.length),
          'x-amz-trailer': 'x-amz-checksum-crc32',
        },
      });
      expect(response.status).toBe(expected);
      if (expected === 400) expect(errorCode(response)).toBe('BadDigest');
    }
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'bodies', Key: 'trailer', ChecksumMode: 'ENABLED' }));
    expect(await got.Body?.transformToString()).toBe('trailer checked body');
    expect(got.ChecksumCRC32).toBe(checksumBase64('CRC32', data));
  });

  it('serves presigned GET URLs', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: 'bodies', Key: 'shared file.txt', Body: 'presigned' }));
    const url = await getSignedUrl(t.s3, new GetObjectCommand({ Bucket: 'bodies', Key: 'shared file.txt' }), { expiresIn: 60 });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('presigned');
  });

  it('requires a declared length and refuses single PUTs over 5 GiB before reading them', async () => {
    const missing = await signedHeaders('PUT', '/bodies/no-length', { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' });
    const missingAnswer = await rawSocketRequest(
      `PUT /bodies/no-length HTTP/1.1\r\n${Object.entries(missing).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`,
      Buffer.alloc(0),
    );
    expect(missingAnswer).toMatch(/^HTTP\/1\.1 411/);
    expect(missingAnswer).toContain('<Code>MissingContentLength</Code>');

    const huge = await signedHeaders('PUT', '/bodies/huge', {
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      'content-length': String(6 * 1024 ** 3),
    });
    const hugeAnswer = await rawSocketRequest(
      `PUT /bodies/huge HTTP/1.1\r\n${Object.entries(huge).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`,
      Buffer.alloc(1024),
    );
    expect(hugeAnswer).toMatch(/^HTTP\/1\.1 400/);
    expect(hugeAnswer).toContain('<Code>EntityTooLarge</Code>');
  });
});
