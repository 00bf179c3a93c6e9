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
