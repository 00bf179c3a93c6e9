import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { PassThrough, type Readable, type Transform } from 'node:stream';
import { S3Error } from '../s3/errors';
import type { IncomingBody } from '../store/objects';
import { createAwsChunkedDecoder, type AwsChunkedOptions } from './aws-chunked';
import { BodyVerifier, type BodyExpectations } from './body-verifier';
import {
  algorithmFromHeaderName,
  isWellFormedChecksumValue,
  type ChecksumAlgorithm,
} from './checksums';

/** What SigV4 verification told us that the body decoding needs. */
export interface BodySigning {
  signedPayloadHash: string;
  seedSignature?: string;
  signingKey?: Uint8Array;
  requestDateTime?: string;
  credentialScope?: string;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function checksumFromHeaders(headers: IncomingHttpHeaders): { algorithm: ChecksumAlgorithm; value: string } | undefined {
  const found: { algorithm: ChecksumAlgorithm; value: string; name: string }[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const algorithm = algorithmFromHeaderName(name);
    if (algorithm && typeof value === 'string') found.push({ algorithm, value, name: name.toLowerCase() });
  }
  if (found.length > 1) {
    throw new S3Error('InvalidRequest', {
      message: 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    });
  }
  const [checksum] = found;
  if (!checksum) return undefined;
  if (!isWellFormedChecksumValue(checksum.algorithm, checksum.value)) {
    throw new S3Error('InvalidRequest', { message: `Value for ${checksum.name} header is invalid.` });
  }
  return { algorithm: checksum.algorithm, value: checksum.value };
}

/**
 * Builds the decoded, verified body of a request: aws-chunked decoding (signed chunks or unsigned with trailer),
 * x-amz-content-sha256, Content-MD5 and x-amz-checksum-* (header or trailer) verification, all streamed.
 */
export function openRequestBody(request: IncomingMessage, signing: BodySigning): IncomingBody {
  const headers = request.headers;
  const payloadHash = signing.signedPayloadHash;
  const transforms: Transform[] = [];
  const expectations: BodyExpectations = {};
  let trailers: Promise<Record<string, string>> | undefined;

  const contentEncoding = headerValue(headers, 'content-encoding') ?? '';
  const streaming = payloadHash.startsWith('STREAMING-');
  if (streaming || contentEncoding.split(',').some((part) => part.trim() === 'aws-chunked')) {
    const decodedLength = headerValue(headers, 'x-amz-decoded-content-length');
    const options: AwsChunkedOptions = {
      expectTrailer: payloadHash.endsWith('-TRAILER'),
      decodedContentLength: decodedLength !== undefined && /^\d+$/.test(decodedLength) ? Number(decodedLength) : undefined,
    };
    if (payloadHash.startsWith('STREAMING-AWS4-HMAC-SHA256-PAYLOAD')) {
      if (!signing.seedSignature || !signing.signingKey || !signing.requestDateTime || !signing.credentialScope) {
        throw new S3Error('AccessDenied', { message: 'Streaming signed payloads need a signed request.' });
      }
      options.signed = {
        seedSignature: signing.seedSignature,
        signingKey: signing.signingKey,
        requestDateTime: signing.requestDateTime,
        credentialScope: signing.credentialScope,
      };
    }
    const decoder = createAwsChunkedDecoder(options);
    const decodedTrailers = decoder.trailers;
    // An unread trailer promise must not become an unhandled rejection when the body fails early.
    decodedTrailers.catch(() => undefined);
    trailers = decodedTrailers;
    transforms.push(decoder);
  } else if (/^[0-9a-fA-F]{64}$/.test(payloadHash)) {
    expectations.sha256Hex = payloadHash;
  }

  const contentMd5 = headerValue(headers, 'content-md5');
  if (contentMd5 !== undefined) {
    if (!/^[A-Za-z0-9+/]{22}==$/.test(contentMd5.trim())) throw new S3Error('InvalidDigest');
    expectations.md5Base64 = contentMd5.trim();
  }

  const headerChecksum = checksumFromHeaders(headers);
  if (headerChecksum) {
    expectations.checksum = headerChecksum;
  } else {
    const trailerName = headerValue(headers, 'x-amz-trailer')?.trim().toLowerCase();
    const algorithm = trailerName ? algorithmFromHeaderName(trailerName) : undefined;
    if (trailerName && algorithm && trailers) {
      const pending = trailers;
      expectations.checksum = {
        algorithm,
        value: async () => {
          const received = await pending;
          const entry = Object.entries(received).find(([name]) => name.toLowerCase() === trailerName);
          return entry?.[1];
        },
      };
    }
  }

  const verifier = new BodyVerifier(expectations, declaredBodyBytes(headers, transforms.length > 0));
  transforms.push(verifier);
  return {
    stream: detachableSource(request),
    transforms,
    digest() {
      const checksum = verifier.verifiedChecksum();
      return {
        md5Hex: verifier.digestMd5Hex(),
        checksum: checksum ? { ...checksum, type: 'FULL_OBJECT' } : null,
      };
    },
  };
}

/** The decoded body's length as the request declares it (x-amz-decoded-content-length for aws-chunked). */
function declaredBodyBytes(headers: IncomingMessage['headers'], awsChunked: boolean): number | undefined {
  const declared = headerValue(headers, awsChunked ? 'x-amz-decoded-content-length' : 'content-length');
  return declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined;
}

/** Bytes read from the store (UploadPartCopy) on their way to a new blob: only the MD5 (ETag) is computed. */
export function bodyFromStoredBytes(stream: Readable): IncomingBody {
  const verifier = new BodyVerifier({});
  return {
    stream,
    transforms: [verifier],
    digest: () => ({ md5Hex: verifier.digestMd5Hex(), checksum: null }),
  };
}

/**
 * The request body behind a proxy: when a body pipeline fails (bad digest, too large, …) only the proxy is destroyed,
 * so the socket survives and the client still receives S3's error (Node discards the unread rest of the body).
 */
function detachableSource(request: IncomingMessage): Readable {
  const proxy = new PassThrough();
  const onError = (error: Error) => proxy.destroy(error);
  const onAborted = () => proxy.destroy(Object.assign(new Error('request aborted'), { code: 'ECONNRESET' }));
  request.on('error', onError);
  request.on('aborted', onAborted);
  proxy.on('close', () => {
    request.unpipe(proxy);
    request.off('error', onError);
    request.off('aborted', onAborted);
  });
  request.pipe(proxy);
  return proxy;
}
