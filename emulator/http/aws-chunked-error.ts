/** A failure decoding an aws-chunked body, with the S3 error code and HTTP status to answer with. */
export class AwsChunkedError extends Error {
  readonly code: string;
  readonly status: number;
  readonly extra: Record<string, string>;

  constructor(code: string, status: number, message: string, extra: Record<string, string> = {}) {
    super(message);
    this.name = 'AwsChunkedError';
    this.code = code;
    this.status = status;
    this.extra = extra;
  }
}

export const malformedEncoding = (detail: string): AwsChunkedError =>
  new AwsChunkedError('InvalidRequest', 400, `The request body is not valid aws-chunked encoding: ${detail}.`);

export const incompleteBody = (): AwsChunkedError =>
  new AwsChunkedError(
    'IncompleteBody',
    400,
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
  );

export const malformedTrailer = (): AwsChunkedError =>
  new AwsChunkedError(
    'MalformedTrailerError',
    400,
    'The request contained trailing data that was not well-formed or did not conform to our published schema.',
  );

export const chunkSignatureMismatch = (stringToSign: string, signatureProvided: string): AwsChunkedError =>
  new AwsChunkedError(
    'SignatureDoesNotMatch',
    403,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    { StringToSign: stringToSign, SignatureProvided: signatureProvided },
  );
