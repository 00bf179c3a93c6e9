/**
 * An authentication failure, carrying S3's error code, HTTP status and the extra XML elements S3 adds to its
 * `<Error>` body (rendered in insertion order). The S3 layer renders these directly; IAM/STS map the code.
 */
export class AuthError extends Error {
  readonly code: string;
  readonly status: number;
  readonly extra: Record<string, string>;

  constructor(code: string, status: number, message: string, extra: Record<string, string> = {}) {
    super(message);
    this.name = 'AuthError';
    this.code = code;
    this.status = status;
    this.extra = extra;
  }
}

export const CREDENTIAL_FORMAT_HINT = 'expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';

export const PRESIGN_REQUIRED_PARAMETERS_MESSAGE =
  'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, ' +
  'X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.';

export const accessDenied = (): AuthError => new AuthError('AccessDenied', 403, 'Access Denied');

export const missingDate = (): AuthError =>
  new AuthError('AccessDenied', 403, 'AWS authentication requires a valid Date or x-amz-date header');

export const invalidAccessKeyId = (accessKeyId: string): AuthError =>
  new AuthError('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.', {
    AWSAccessKeyId: accessKeyId,
  });

export const headerMalformed = (detail: string, extra: Record<string, string> = {}): AuthError =>
  new AuthError('AuthorizationHeaderMalformed', 400, `The authorization header is malformed; ${detail}`, extra);

export const queryParametersError = (message: string): AuthError =>
  new AuthError('AuthorizationQueryParametersError', 400, message);

export const unsupportedAuthorizationType = (value: string): AuthError =>
  new AuthError('InvalidArgument', 400, 'Unsupported Authorization Type', {
    ArgumentName: 'Authorization',
    ArgumentValue: value,
  });

export const signatureV2NotSupported = (): AuthError =>
  new AuthError(
    'InvalidRequest',
    400,
    'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
  );

export const onlyOneAuthMechanism = (authorization: string): AuthError =>
  new AuthError(
    'InvalidArgument',
    400,
    'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or ' +
      'the Authorization header should be specified',
    { ArgumentName: 'Authorization', ArgumentValue: authorization },
  );

export const missingContentSha256 = (): AuthError =>
  new AuthError('InvalidRequest', 400, 'Missing required header for this request: x-amz-content-sha256');

export const invalidContentSha256 = (value: string): AuthError =>
  new AuthError(
    'InvalidArgument',
    400,
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, ' +
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, ' +
      'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
    { ArgumentName: 'x-amz-content-sha256', ArgumentValue: value },
  );

export const requestTimeTooSkewed = (requestTime: string, serverTime: Date): AuthError =>
  new AuthError('RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.', {
    RequestTime: requestTime,
    ServerTime: isoSeconds(serverTime),
    MaxAllowedSkewMilliseconds: '900000',
  });

export const presignExpired = (expiresParameter: string, expiresAt: Date, serverTime: Date): AuthError =>
  new AuthError('AccessDenied', 403, 'Request has expired', {
    'X-Amz-Expires': expiresParameter,
    Expires: isoSeconds(expiresAt),
    ServerTime: isoSeconds(serverTime),
  });

export const headersNotSigned = (names: readonly string[]): AuthError =>
  new AuthError('AccessDenied', 403, 'There were headers present in the request which were not signed', {
    HeadersNotSigned: names.join(', '),
  });

export const presignNotYetValid = (): AuthError => new AuthError('AccessDenied', 403, 'Request is not valid yet');

export interface SignatureMismatchDetails {
  accessKeyId: string;
  stringToSign: string;
  signatureProvided: string;
  canonicalRequest: string;
}

export const signatureDoesNotMatch = (details: SignatureMismatchDetails): AuthError =>
  new AuthError(
    'SignatureDoesNotMatch',
    403,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    {
      AWSAccessKeyId: details.accessKeyId,
      StringToSign: details.stringToSign,
      SignatureProvided: details.signatureProvided,
      StringToSignBytes: spacedHexBytes(details.stringToSign),
      CanonicalRequest: details.canonicalRequest,
      CanonicalRequestBytes: spacedHexBytes(details.canonicalRequest),
    },
  );

/** `2013-05-24T00:15:47Z`, the form S3 uses for ServerTime/Expires. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** UTF-8 bytes as two-digit lowercase hex separated by spaces, as S3 prints `StringToSignBytes`. */
export function spacedHexBytes(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
