import { createScope } from '@smithy/signature-v4';
import {
  AuthError,
  accessDenied,
  headerMalformed,
  headersNotSigned,
  invalidAccessKeyId,
  invalidContentSha256,
  missingContentSha256,
  missingDate,
  onlyOneAuthMechanism,
  presignExpired,
  presignNotYetValid,
  queryParametersError,
  requestTimeTooSkewed,
  signatureDoesNotMatch,
  signatureV2NotSupported,
} from './auth-error';
import {
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  headerValue,
  parseRawQuery,
  type HeaderBag,
  type QueryParameter,
} from './sigv4-canonical';
import { signingKeyFor } from './signing-keys';
import { EMPTY_SHA256_HEX, hmacSha256Hex, sha256Hex, signaturesEqual } from './sigv4-crypto';
import {
  SIGV4_ALGORITHM,
  firstQueryValue,
  formatIsoBasicDateTime,
  hasPresignParameters,
  hasSignatureV2QueryParameters,
  parseAuthorizationHeader,
  parseCredential,
  parseHttpDate,
  parseIsoBasicDateTime,
  parsePresignedQuery,
  type SignatureInputs,
} from './sigv4-parse';

export { AuthError } from './auth-error';

export interface IncomingSignedRequest {
  method: string;
  /** As received, before decoding, without the query. */
  rawPath: string;
  /** After '?', as received. */
  rawQuery: string;
  headers: HeaderBag;
  /**
   * Hex SHA-256 of the body, for services other than S3 whose clients may sign the body without sending
   * `x-amz-content-sha256` (the AWS CLI's IAM/STS form POSTs). Ignored when the header is present or for S3.
   */
  bodySha256Hex?: string;
}

export type SecretLookup = (accessKeyId: string) => { secretAccessKey: string } | undefined;

export interface VerifiedRequest {
  accessKeyId: string;
  region: string;
  service: string;
  /** The x-amz-content-sha256 value (or the body hash used for non-S3 services), or 'UNSIGNED-PAYLOAD'. */
  signedPayloadHash: string;
  isPresigned: boolean;
  /** The request's own signature: the seed of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD chunk-signature chain. */
  seedSignature?: string;
  signingKey?: Uint8Array;
  /** YYYYMMDD */
  signingDate?: string;
  /** ISO 8601 basic, e.g. 20130524T000000Z */
  requestDateTime?: string;
  /** `yyyymmdd/region/service/aws4_request`, the scope line of chunk string-to-signs. */
  credentialScope: string;
  signedHeaders: string[];
  /** X-Amz-Security-Token / x-amz-security-token, when the client sent one (this module does not validate it). */
  sessionToken?: string;
  /** Presigned requests: the moment the URL stops being valid. */
  expiresAt?: Date;
}

export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const STREAMING_PAYLOAD_VALUES = new Set([
  'UNSIGNED-PAYLOAD',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);

function isValidContentSha256(value: string): boolean {
  return STREAMING_PAYLOAD_VALUES.has(value) || /^[0-9a-fA-F]{64}$/.test(value);
}

/** Whether the request tries to authenticate at all (an Authorization header, or presign parameters of any version). */
export function hasAuthentication(req: Pick<IncomingSignedRequest, 'headers' | 'rawQuery'>): boolean {
  if (headerValue(req.headers, 'authorization') !== undefined) return true;
  const parameters = parseRawQuery(req.rawQuery);
  return hasPresignParameters(parameters) || hasSignatureV2QueryParameters(parameters);
}

/**
 * The service named in the credential scope (Authorization header or X-Amz-Credential), for routing a request to
 * S3, IAM or STS before verifying it. Undefined when there is no parsable credential.
 */
export function parseCredentialScopeService(headers: HeaderBag, rawQuery: string): string | undefined {
  const authorization = headerValue(headers, 'authorization');
  if (authorization !== undefined) {
    const credential = /Credential=([^,\s]+)/.exec(authorization)?.[1];
    return credential ? parseCredential(credential)?.service : undefined;
  }
  const credential = firstQueryValue(parseRawQuery(rawQuery), 'X-Amz-Credential');
  return credential ? parseCredential(credential)?.service : undefined;
}

/**
 * Verifies a SigV4-signed request (Authorization header or presigned query) against the secret `lookup` returns.
 * Any region is accepted. Throws AuthError with S3's code, status, message and extra elements.
 */
export async function verifySigV4(
  req: IncomingSignedRequest,
  lookup: SecretLookup,
  now: Date = new Date(),
): Promise<VerifiedRequest> {
  const authorization = headerValue(req.headers, 'authorization');
  const parameters = parseRawQuery(req.rawQuery);
  const presigned = hasPresignParameters(parameters);
  if (authorization !== undefined && presigned) throw onlyOneAuthMechanism(authorization);
  if (presigned) return verifyPresigned(req, parameters, lookup, now);
  if (authorization !== undefined) return verifyAuthorizationHeader(req, authorization, parameters, lookup, now);
  if (hasSignatureV2QueryParameters(parameters)) throw signatureV2NotSupported();
  throw accessDenied();
}

async function verifyAuthorizationHeader(
  req: IncomingSignedRequest,
  authorization: string,
  queryParameters: QueryParameter[],
  lookup: SecretLookup,
  now: Date,
): Promise<VerifiedRequest> {
  const inputs = parseAuthorizationHeader(authorization);
  const { credential } = inputs;

  const contentSha256 = headerValue(req.headers, 'x-amz-content-sha256')?.trim();
  if (credential.service === 's3') {
    if (contentSha256 === undefined) throw missingContentSha256();
    if (!isValidContentSha256(contentSha256)) throw invalidContentSha256(contentSha256);
  }
  const payloadHash = contentSha256 ?? req.bodySha256Hex ?? EMPTY_SHA256_HEX;

  const { requestDateTime, requestTime, requestTimeAsSent } = readHeaderDate(req.headers);
  if (requestDateTime.slice(0, 8) !== credential.date) {
    throw headerMalformed('Invalid credential date. Date is not the same as X-Amz-Date.');
  }
  if (Math.abs(now.getTime() - requestTime.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw requestTimeTooSkewed(requestTimeAsSent, now);
  }

  const signingKey = checkSignature(req, queryParameters, inputs, requestDateTime, payloadHash, lookup);
  return {
    accessKeyId: credential.accessKeyId,
    region: credential.region,
    service: credential.service,
    signedPayloadHash: payloadHash,
    isPresigned: false,
    seedSignature: inputs.signature,
    signingKey,
    signingDate: credential.date,
    requestDateTime,
    credentialScope: credential.scope,
    signedHeaders: inputs.signedHeaders,
    sessionToken: headerValue(req.headers, 'x-amz-security-token'),
  };
}

function readHeaderDate(headers: HeaderBag): { requestDateTime: string; requestTime: Date; requestTimeAsSent: string } {
  const amzDate = headerValue(headers, 'x-amz-date')?.trim();
  if (amzDate !== undefined) {
    const requestTime = parseIsoBasicDateTime(amzDate);
    if (!requestTime) throw missingDate();
    return { requestDateTime: amzDate, requestTime, requestTimeAsSent: amzDate };
  }
  const httpDate = headerValue(headers, 'date')?.trim();
  const requestTime = httpDate === undefined ? undefined : parseHttpDate(httpDate);
  if (!requestTime || httpDate === undefined) throw missingDate();
  return { requestDateTime: formatIsoBasicDateTime(requestTime), requestTime, requestTimeAsSent: httpDate };
}

async function verifyPresigned(
  req: IncomingSignedRequest,
  queryParameters: QueryParameter[],
  lookup: SecretLookup,
  now: Date,
): Promise<VerifiedRequest> {
  const inputs = parsePresignedQuery(queryParameters);
  const { credential, requestDateTime } = inputs;
  if (requestDateTime.slice(0, 8) !== credential.date) {
    throw queryParametersError('Invalid credential date. Date is not the same as X-Amz-Date.');
  }
  const requestTime = parseIsoBasicDateTime(requestDateTime) ?? now;
  if (requestTime.getTime() - now.getTime() > MAX_CLOCK_SKEW_MS) throw presignNotYetValid();
  const expiresAt = new Date(requestTime.getTime() + inputs.expiresSeconds * 1000);
  if (now.getTime() > expiresAt.getTime()) throw presignExpired(inputs.expiresParameter, expiresAt, now);

  // S3 presigned URLs sign UNSIGNED-PAYLOAD unless the client put a hash in the query; other services sign the body.
  const payloadHash =
    firstQueryValue(queryParameters, 'X-Amz-Content-Sha256') ??
    (credential.service === 's3'
      ? 'UNSIGNED-PAYLOAD'
      : (headerValue(req.headers, 'x-amz-content-sha256') ?? req.bodySha256Hex ?? EMPTY_SHA256_HEX));

  const signingKey = checkSignature(req, queryParameters, inputs, requestDateTime, payloadHash, lookup);
  return {
    accessKeyId: credential.accessKeyId,
    region: credential.region,
    service: credential.service,
    signedPayloadHash: payloadHash,
    isPresigned: true,
    seedSignature: inputs.signature,
    signingKey,
    signingDate: credential.date,
    requestDateTime,
    credentialScope: credential.scope,
    signedHeaders: inputs.signedHeaders,
    sessionToken: inputs.securityToken,
    expiresAt,
  };
}

const PRESIGN_SIGNATURE_PARAMETER = new Set(['X-Amz-Signature']);

/** Looks the key up, recomputes the signature and compares, then checks every x-amz-* header was signed. */
function checkSignature(
  req: IncomingSignedRequest,
  queryParameters: QueryParameter[],
  inputs: SignatureInputs,
  requestDateTime: string,
  payloadHash: string,
  lookup: SecretLookup,
): Uint8Array {
  const { credential } = inputs;
  const secret = lookup(credential.accessKeyId);
  if (!secret) throw invalidAccessKeyId(credential.accessKeyId);
  const signingKey = signingKeyFor(secret.secretAccessKey, credential.date, credential.region, credential.service);

  const attempt = (query: QueryParameter[]): { canonical: string; stringToSign: string; matches: boolean } => {
    const canonical = canonicalRequest({
      method: req.method,
      canonicalUri: canonicalUri(req.rawPath, credential.service),
      canonicalQuery: canonicalQueryString(query, PRESIGN_SIGNATURE_PARAMETER),
      headers: req.headers,
      signedHeaders: inputs.signedHeaders,
      payloadHash,
    });
    const stringToSign = [SIGV4_ALGORITHM, requestDateTime, credential.scope, sha256Hex(canonical)].join('\n');
    return { canonical, stringToSign, matches: signaturesEqual(hmacSha256Hex(signingKey, stringToSign), inputs.signature) };
  };

  const literalPlus = attempt(queryParameters);
  // Some hand-written clients send '+' for a space (form encoding) and sign '%20'; accept that reading too.
  const matches =
    literalPlus.matches || (req.rawQuery.includes('+') && attempt(parseRawQuery(req.rawQuery, true)).matches);
  if (!matches) {
    throw signatureDoesNotMatch({
      accessKeyId: credential.accessKeyId,
      stringToSign: literalPlus.stringToSign,
      signatureProvided: inputs.signature,
      canonicalRequest: literalPlus.canonical,
    });
  }
  const unsigned = unsignedAmzHeaders(req.headers, inputs.signedHeaders);
  if (unsigned.length > 0) throw headersNotSigned(unsigned);
  return signingKey;
}

/** S3 requires every x-amz-* header a request carries to be covered by the signature. */
function unsignedAmzHeaders(headers: HeaderBag, signedHeaders: readonly string[]): string[] {
  const signed = new Set(signedHeaders);
  return Object.entries(headers)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name.toLowerCase())
    .filter((name) => name.startsWith('x-amz-') && !signed.has(name))
    .sort();
}

/** `yyyymmdd/region/service/aws4_request` for the given parts (same as the credential scope of a verified request). */
export function credentialScopeOf(date: string, region: string, service: string): string {
  return createScope(date, region, service);
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
