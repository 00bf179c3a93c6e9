/**
 * Turns what the AWS SDK throws into a code + message that is safe to show in the browser
 * (no stack traces, no request signatures, no credentials).
 */
export type DescribedAwsError = {
  code: string;
  message: string;
  /** HTTP status to answer with when a route handler forwards this error. */
  status: number;
};

export const ENDPOINT_UNREACHABLE_CODE = 'EndpointUnreachable';
export const CREDENTIALS_ERROR_CODE = 'CredentialsError';

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's happy-eyeballs connect wraps one error per address in an AggregateError.
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested)) return nested.map(errorCode).find((c) => c !== undefined);
  return undefined;
}

function isNetworkError(error: Error): boolean {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown }).cause);
  return (code !== undefined && NETWORK_ERROR_CODES.has(code)) || error.name === 'TimeoutError';
}

type SdkServiceError = Error & { $fault: 'client' | 'server'; $metadata?: { httpStatusCode?: number } };

function isServiceError(error: Error): error is SdkServiceError {
  const fault = (error as { $fault?: unknown }).$fault;
  return fault === 'client' || fault === 'server';
}

/** Returns `undefined` for errors that are not AWS/network errors (the caller treats those as internal). */
export function describeAwsError(error: unknown): DescribedAwsError | undefined {
  if (!(error instanceof Error)) return undefined;
  if (isNetworkError(error)) {
    return {
      code: ENDPOINT_UNREACHABLE_CODE,
      message: 'The S3 endpoint did not answer. Check that it is running and that its URL is right.',
      status: 502,
    };
  }
  if (error.name === 'CredentialsProviderError') {
    return { code: CREDENTIALS_ERROR_CODE, message: error.message, status: 401 };
  }
  if (isServiceError(error)) {
    const status = error.$metadata?.httpStatusCode;
    return {
      code: error.name,
      message: error.message || error.name,
      status: typeof status === 'number' && status >= 400 ? status : error.$fault === 'client' ? 400 : 502,
    };
  }
  return undefined;
}
