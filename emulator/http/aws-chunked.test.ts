import { createHash, createHmac } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsChunkedError, createAwsChunkedDecoder, type AwsChunkedOptions, type AwsChunkedSigning } from './aws-chunked';
import { checksumBase64 } from './checksums';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SCOPE = '20130524/us-east-1/s3/aws4_request';
const DATETIME = '20130524T000000Z';
const signingKey = new Uint8Array(
  ['20130524', 'us-east-1', 's3', 'aws4_request'].reduce<Buffer>(
    (key, part) => createHmac('sha256', key).update(part).digest(),
    Buffer.from(`AWS4${SECRET}`),
  ),
);
const signing = (seedSignature: string): AwsChunkedSigning => ({
  seedSignature,
  signingKey,
  requestDateTime: DATETIME,
  credentialScope: SCOPE,
});

interface Decoded {
  data: Buffer;
  trailers: Record<string, string>;
}

/** Feeds `pieces` through a decoder; rejects with the decoder's error. Fails the test if it takes over 5 s. */
async function decode(pieces: Buffer[], options: AwsChunkedOptions): Promise<Decoded> {
  const decoder = createAwsChunkedDecoder(options);
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  });
  const run = (async () => {
    await pipeline(Readable.from(pieces, { objectMode: false }), decoder, sink);
    return { data: Buffer.concat(out), trailers: await decoder.trailers };
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('decoder hung')), 5000);
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function decodeError(pieces: Buffer[], options: AwsChunkedOptions): Promise<AwsChunkedError> {
  const error = await decode(pieces, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AwsChunkedError);
  return error as AwsChunkedError;
}

function splitAt(body: Buffer, points: number[]): Buffer[] {
  const sorted = [...new Set(points.map((p) => p % (body.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const point of [...sorted, body.length]) {
    if (point > start) pieces.push(body.subarray(start, point));
    start = Math.max(start, point);
  }
  return pieces;
}

function byteByByte(body: Buffer): Buffer[] {
  return Array.from({ length: body.length }, (_, i) => body.subarray(i, i + 1));
}

const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const hmacHex = (data: string): string => createHmac('sha256', signingKey).update(data).digest('hex');
const EMPTY = sha256Hex('');

/** An independent encoder, written from the AWS documentation, to build signed bodies in tests. */
function encodeSigned(seed: string, chunks: Buffer[], trailers?: [string, string][], blankBeforeTrailers = false): Buffer {
  let previous = seed;
  const parts: Buffer[] = [];
  for (const chunk of [...chunks, Buffer.alloc(0)]) {
    const signature = hmacHex(
      ['AWS4-HMAC-SHA256-PAYLOAD', DATETIME, SCOPE, previous, EMPTY, sha256Hex(chunk)].join('\n'),
    );
    previous = signature;
    parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${signature}\r\n`), chunk);
    if (chunk.length > 0) parts.push(Buffer.from('\r\n'));
  }
  if (!trailers) {
    parts.push(Buffer.from('\r\n'));
    return Buffer.concat(parts);
  }
  const canonical = trailers.map(([name, value]) => `${name}:${value}\n`).join('');
  const trailerSignature = hmacHex(['AWS4-HMAC-SHA256-TRAILER', DATETIME, SCOPE, previous, sha256Hex(canonical)].join('\n'));
  if (blankBeforeTrailers) parts.push(Buffer.from('\r\n'));
  for (const [name, value] of trailers) parts.push(Buffer.from(`${name}:${value}\r\n`));
  parts.push(Buffer.from(`x-amz-trailer-signature:${trailerSignature}\r\n\r\n`));
  return Buffer.concat(parts);
}

function encodeUnsigned(chunks: Buffer[], trailers: [string, string][] = []): Buffer {
  const parts: Buffer[] = [];
  for (const chunk of chunks) parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
  parts.push(Buffer.from('0\r\n'));
  for (const [name, value] of trailers) parts.push(Buffer.from(`${name}:${value}\r\n`));
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

/** AWS documentation, "Transferring Payload in Multiple Chunks": 64 KiB + 1 KiB of 'a'. */
const DOC_SEED = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
const docSignedBody = Buffer.concat([
  Buffer.from('10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n'),
  Buffer.alloc(65536, 'a'),
  Buffer.from('\r\n400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n'),
  Buffer.alloc(1024, 'a'),
  Buffer.from('\r\n0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n'),
]);
const docSignedOptions: AwsChunkedOptions = {
  signed: signing(DOC_SEED),
  expectTrailer: false,
  decodedContentLength: 66560,
};

/** AWS documentation, "Including Trailing Headers": same payload, CRC32C trailer, signed trailer. */
const DOC_TRAILER_SEED = '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e';
const docTrailerChunks = (blankLineBeforeTrailers: boolean): Buffer =>
  Buffer.concat([
    Buffer.from('10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\n'),
    Buffer.alloc(65536, 'a'),
    Buffer.from('\r\n400;chunk-signature=1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7\r\n'),
    Buffer.alloc(1024, 'a'),
    Buffer.from('\r\n0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n'),
    Buffer.from(blankLineBeforeTrailers ? '\r\n' : ''),
    Buffer.from('x-amz-checksum-crc32c:sOO8/Q==\r\n'),
    Buffer.from('x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n'),
  ]);
const docTrailerOptions: AwsChunkedOptions = {
  signed: signing(DOC_TRAILER_SEED),
  expectTrailer: true,
  decodedContentLength: 66560,
};

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD (AWS documentation example)', () => {
  it('decodes and verifies the example in one piece, byte by byte and in random pieces', async () => {
    const expected = Buffer.alloc(66560, 'a');
    expect((await decode([docSignedBody], docSignedOptions)).data.equals(expected)).toBe(true);
    expect((await decode(byteByByte(docSignedBody), docSignedOptions)).data.equals(expected)).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 20 }), async (points) => {
        const { data, trailers } = await decode(splitAt(docSignedBody, points), docSignedOptions);
        expect(data.equals(expected)).toBe(true);
        expect(trailers).toEqual({});
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a changed data byte, a wrong seed and swapped chunk signatures', async () => {
    const tampered = Buffer.from(docSignedBody);
    tampered[1000] = 'b'.charCodeAt(0);
    const error = await decodeError([tampered], docSignedOptions);
    expect({ code: error.code, status: error.status }).toEqual({ code: 'SignatureDoesNotMatch', status: 403 });
    expect(error.extra.StringToSign.startsWith('AWS4-HMAC-SHA256-PAYLOAD\n20130524T000000Z\n')).toBe(true);

    expect((await decodeError([docSignedBody], { ...docSignedOptions, signed: signing('0'.repeat(64)) })).code).toBe(
      'SignatureDoesNotMatch',
    );

    const text = docSignedBody.toString('latin1');
    const swapped = text
      .replace('ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648', 'X')
      .replace('0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497', 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648')
      .replace('X', '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497');
    expect((await decodeError([Buffer.from(swapped, 'latin1')], docSignedOptions)).code).toBe('SignatureDoesNotMatch');
  });

  it('rejects a signed chunk without a chunk-signature', async () => {
    const body = Buffer.from('3\r\nabc\r\n0;chunk-signature=00\r\n\r\n');
    expect((await decodeError([body], { signed: signing(DOC_SEED), expectTrailer: false })).code).toBe('InvalidRequest');
  });

  it('verifies bodies from an independent encoder with random chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), async (chunks, points) => {
        const buffers = chunks.map((c) => Buffer.from(c));
        const body = encodeSigned(DOC_SEED, buffers);
        const total = buffers.reduce((n, c) => n + c.length, 0);
        const { data } = await decode(splitAt(body, points), { signed: signing(DOC_SEED), expectTrailer: false, decodedContentLength: total });
        expect(data.equals(Buffer.concat(buffers))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER (AWS documentation example)', () => {
  it.each([
    ['with the blank line of the documentation and no final CRLF', docTrailerChunks(true)],
    ['without the blank line and no final CRLF', docTrailerChunks(false)],
    ['without the blank line, ending with CRLF (what SDKs send)', Buffer.concat([docTrailerChunks(false), Buffer.from('\r\n')])],
    ['with the blank line, ending with CRLF', Buffer.concat([docTrailerChunks(true), Buffer.from('\r\n')])],
  ])('decodes the body %s and verifies the trailer signature', async (_, body) => {
    for (const pieces of [[body], byteByByte(body)]) {
      const { data, trailers } = await decode(pieces, docTrailerOptions);
      expect(data.equals(Buffer.alloc(66560, 'a'))).toBe(true);
      expect(trailers).toEqual({ 'x-amz-checksum-crc32c': 'sOO8/Q==' });
      expect(checksumBase64('CRC32C', data)).toBe(trailers['x-amz-checksum-crc32c']);
    }
  });

  it('rejects a changed trailer value, a wrong or missing trailer signature', async () => {
    const text = docTrailerChunks(false).toString('latin1');
    const changedValue = Buffer.from(text.replace('sOO8/Q==', 'AAAAAA=='), 'latin1');
    expect((await decodeError([changedValue], docTrailerOptions)).code).toBe('SignatureDoesNotMatch');
    const wrongSignature = Buffer.from(text.replace('x-amz-trailer-signature:d8', 'x-amz-trailer-signature:e8'), 'latin1');
    expect((await decodeError([wrongSignature], docTrailerOptions)).code).toBe('SignatureDoesNotMatch');
    const missing = Buffer.from(text.replace(/x-amz-trailer-signature:[0-9a-f]+\r\n/, ''), 'latin1');
    expect((await decodeError([missing], docTrailerOptions)).code).toBe('MalformedTrailerError');
  });

  it('verifies several trailers signed by an independent encoder', async () => {
    const trailers: [string, string][] = [
      ['x-amz-checksum-sha256', checksumBase64('SHA256', Buffer.from('hello'))],
      ['x-amz-meta-extra', 'v'],
    ];
    for (const blank of [false, true]) {
      const body = encodeSigned(DOC_SEED, [Buffer.from('hello')], trailers, blank);
      const decoded = await decode(byteByByte(body), { signed: signing(DOC_SEED), expectTrailer: true, decodedContentLength: 5 });
      expect(decoded.trailers).toEqual(Object.fromEntries(trailers));
    }
  });
});

describe('STREAMING-UNSIGNED-PAYLOAD-TRAILER', () => {
  const payload = Buffer.from('hello world, this is an unsigned aws-chunked body');
  const crc = checksumBase64('CRC32', payload);
  const body = encodeUnsigned([payload.subarray(0, 20), payload.subarray(20)], [['x-amz-checksum-crc32', crc]]);
  const options: AwsChunkedOptions = { expectTrailer: true, decodedContentLength: payload.length };

  it('decodes in any split and exposes the trailer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), async (points) => {
        const decoded = await decode(splitAt(body, points), options);
        expect(decoded.data.equals(payload)).toBe(true);
        expect(decoded.trailers).toEqual({ 'x-amz-checksum-crc32': crc });
      }),
      { numRuns: 200 },
    );
    expect((await decode(byteByByte(body), options)).trailers['x-amz-checksum-crc32']).toBe(crc);
  });

  it('accepts upper-case hex sizes, ignores unsigned chunk extensions and lower-cases trailer names', async () => {
    const raw = Buffer.from('A;foo=bar\r\n0123456789\r\n0\r\nX-Amz-Checksum-CRC32 : abc= \r\n\r\n');
    const decoded = await decode([raw], { expectTrailer: true, decodedContentLength: 10 });
    expect(decoded.data.toString()).toBe('0123456789');
    expect(decoded.trailers).toEqual({ 'x-amz-checksum-crc32': 'abc=' });
  });

  it('accepts a body without trailers and an empty body', async () => {
    expect((await decode([Buffer.from('3\r\nabc\r\n0\r\n\r\n')], { expectTrailer: true })).trailers).toEqual({});
    expect((await decode([Buffer.from('0\r\n\r\n')], { expectTrailer: false, decodedContentLength: 0 })).data.length).toBe(0);
  });
});

describe('framing errors', () => {
  const options: AwsChunkedOptions = { expectTrailer: true, decodedContentLength: 11 };
  const good = encodeUnsigned([Buffer.from('hello'), Buffer.from(' world')], [['x-amz-checksum-crc32', 'x']]);

  it('errors with IncompleteBody, never hangs, for every truncation of a valid body', async () => {
    expect((await decode([good], options)).data.toString()).toBe('hello world');
    // Cutting inside the final blank line or after the trailer line can still be a complete body (see the doc form).
    const mustFail = good.length - '\r\n'.length - 'x-amz-checksum-crc32:x\r\n'.length;
    for (let length = 0; length < mustFail; length++) {
      const error = await decodeError([good.subarray(0, length)], options);
      expect(error.code, `cut at ${length}`).toMatch(/^(IncompleteBody|InvalidRequest|MalformedTrailerError)$/);
    }
    expect((await decodeError([good.subarray(0, 4)], options)).code).toBe('IncompleteBody');
    const signed = encodeSigned(DOC_SEED, [Buffer.from('abc')]);
    for (let length = 0; length < signed.length - 2; length++) {
      await decodeError([signed.subarray(0, length)], { signed: signing(DOC_SEED), expectTrailer: false });
    }
  });

  it.each([
    ['non-hex size', 'zz\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
    ['empty size', '\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
    ['negative size', '-5\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
    ['bare LF after the size', '5\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
    ['data longer than its size', '3\r\nhello\r\n0\r\n\r\n', 'InvalidRequest'],
    ['no CRLF after the data', '5\r\nhello0\r\n\r\n', 'InvalidRequest'],
    ['data after the end', '5\r\nhello\r\n0\r\nx:y\r\n\r\nmore', 'InvalidRequest'],
    ['a line after the end', '5\r\nhello\r\n0\r\nx:y\r\n\r\nmore\r\n', 'InvalidRequest'],
    ['an over-long size line', `5;${'x'.repeat(5000)}\r\nhello\r\n0\r\n\r\n`, 'InvalidRequest'],
    ['a trailer without a colon', '5\r\nhello\r\n0\r\nnot-a-header\r\n\r\n', 'MalformedTrailerError'],
    ['a trailer with an empty name', '5\r\nhello\r\n0\r\n:v\r\n\r\n', 'MalformedTrailerError'],
  ])('rejects %s', async (_, body, code) => {
    const error = await decodeError([Buffer.from(body)], { expectTrailer: true });
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
  });

  it('rejects a chunk larger than maxChunkSize before reading its data', async () => {
    const error = await decodeError([Buffer.from('100001\r\n')], { expectTrailer: false, maxChunkSize: 0x100000 });
    expect(error.code).toBe('InvalidRequest');
    expect(error.message).toMatch(/exceeds the maximum/);
  });

  it('rejects a decoded length different from x-amz-decoded-content-length', async () => {
    const body = Buffer.from('5\r\nhello\r\n0\r\n\r\n');
    expect((await decodeError([body], { expectTrailer: false, decodedContentLength: 6 })).code).toBe('IncompleteBody');
    expect((await decodeError([body], { expectTrailer: false, decodedContentLength: 4 })).code).toBe('IncompleteBody');
  });

  it('rejects the trailers promise when the stream is destroyed early', async () => {
    const decoder = createAwsChunkedDecoder({ expectTrailer: true });
    decoder.write(Buffer.from('5\r\nhel'));
    decoder.destroy();
    await expect(decoder.trailers).rejects.toMatchObject({ code: 'IncompleteBody' });
  });

  it('rejects the trailers promise with the framing error', async () => {
    const decoder = createAwsChunkedDecoder({ expectTrailer: true });
    decoder.on('error', () => undefined);
    decoder.end(Buffer.from('zz\r\n'));
    await expect(decoder.trailers).rejects.toMatchObject({ code: 'InvalidRequest' });
  });

  it('answers arbitrary input with success or an AwsChunkedError, never a hang or another error', async () => {
    const fragments = ['0', '5', 'a', 'ff', ';chunk-signature=', '\r\n', '\n', '\r', 'hello', ':', 'x-amz-checksum-crc32', ' '];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 })), { maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        async (parts, expectTrailer, signed) => {
          const body = Buffer.from(parts.join(''), 'latin1');
          const outcome = await decode(byteByByte(body), {
            expectTrailer,
            signed: signed ? signing(DOC_SEED) : undefined,
          }).then(
            () => 'ok',
            (error: unknown) => error,
          );
          if (outcome !== 'ok') expect(outcome).toBeInstanceOf(AwsChunkedError);
        },
      ),
      { numRuns: 300 },
    );
  });
});
