/**
 * A refused compare or copy request, shaped like an AWS SDK client error (`$fault`, `$metadata.httpStatusCode`) so
 * the console's one error path (lib/aws/errors.ts) shows its code and message with the right status.
 */
export class ConsoleRequestError extends Error {
  readonly $fault = 'client';
  readonly $metadata: { httpStatusCode: number };

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = code;
    this.$metadata = { httpStatusCode: status };
  }
}
