import type { AuthError } from './auth-error';
import { formatIsoBasicDateTime, parseIsoBasicDateTime } from './sigv4-parse';

export interface IamAuthFailure {
  code: string;
  message: string;
  status: number;
}

const SKEW_MS = 15 * 60 * 1000;

function skewMessage(error: AuthError): string {
  const serverTime = new Date(error.extra.ServerTime ?? '');
  const requestText = error.extra.RequestTime ?? '';
  const requestTime = parseIsoBasicDateTime(requestText) ?? new Date(requestText);
  if (Number.isNaN(serverTime.getTime()) || Number.isNaN(requestTime.getTime())) return 'Signature expired.';
  const server = formatIsoBasicDateTime(serverTime);
  const request = formatIsoBasicDateTime(requestTime);
  if (requestTime.getTime() < serverTime.getTime()) {
    const earliest = formatIsoBasicDateTime(new Date(serverTime.getTime() - SKEW_MS));
    return `Signature expired: ${request} is now earlier than ${earliest} (${server} - 15 min.)`;
  }
  const latest = formatIsoBasicDateTime(new Date(serverTime.getTime() + SKEW_MS));
  return `Signature not yet current: ${request} is still later than ${latest} (${server} + 15 min.)`;
}

/**
 * The same authentication failure as IAM and STS report it (their Query APIs use other codes than S3 for an unknown
 * key, a missing signature, clock skew and malformed authorization).
 */
export function toIamAuthFailure(error: AuthError): IamAuthFailure {
  switch (error.code) {
    case 'InvalidAccessKeyId':
      return { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 };
    case 'SignatureDoesNotMatch':
      return {
        code: 'SignatureDoesNotMatch',
        message:
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access ' +
          'Key and signing method. Consult the service documentation for details.',
        status: 403,
      };
    case 'RequestTimeTooSkewed':
      return { code: 'SignatureDoesNotMatch', message: skewMessage(error), status: 403 };
    case 'AuthorizationHeaderMalformed':
    case 'AuthorizationQueryParametersError':
    case 'InvalidArgument':
    case 'InvalidRequest':
      return { code: 'IncompleteSignature', message: error.message, status: 400 };
    case 'AccessDenied':
      if (error.message === 'Access Denied') {
        return { code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token', status: 403 };
      }
      if (error.message.startsWith('AWS authentication requires')) {
        return {
          code: 'IncompleteSignature',
          message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
          status: 400,
        };
      }
      return { code: 'AccessDenied', message: error.message, status: 403 };
    default:
      return { code: error.code, message: error.message, status: error.status };
  }
}
