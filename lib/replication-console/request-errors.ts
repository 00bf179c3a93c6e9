import { validateBucketName } from '@/lib/s3/bucket-name';

/**
 * Errors shaped like the SDK's client-fault errors, so that the shared route-handler wrapper answers them with
 * their status and message instead of a 500.
 */
export class RequestError extends Error {
  readonly $fault = 'client';
  readonly $metadata: { httpStatusCode: number };
  constructor(name: string, message: string, status: number) {
    super(message);
    this.name = name;
    this.$metadata = { httpStatusCode: status };
  }
}

export function bucketNotFound(bucket: string): RequestError {
  return new RequestError('NoSuchBucket', `Bucket ${bucket} does not exist.`, 404);
}

export function invalidRequest(message: string): RequestError {
  return new RequestError('InvalidRequest', message, 400);
}

/** Route parameters are user input: a name S3 would refuse never reaches the SDK. */
export function assertBucketName(bucket: string): void {
  const problems = validateBucketName(bucket);
  if (problems.length > 0) throw new RequestError('InvalidBucketName', `The specified bucket is not valid. ${problems[0]}`, 400);
}
