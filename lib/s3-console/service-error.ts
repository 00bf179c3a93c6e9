import { S3ServiceException } from '@aws-sdk/client-s3';

/**
 * An error the console raises itself but that must reach the user like one from S3 (code, message, status):
 * the SDK's own exception shape, so the action wrapper and route handlers treat it as an AWS error.
 */
export function consoleServiceError(code: string, message: string, status = 400): S3ServiceException {
  return new S3ServiceException({ name: code, $fault: 'client', $metadata: { httpStatusCode: status }, message });
}

/** HTTP status of an SDK error, when it has one. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The error's name (S3's / IAM's code) when it is an Error. */
export function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
