/** The SDK error's name (`NoSuchBucket`, `EntityAlreadyExists`, …) when `error` is a service error. */
export function awsErrorName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const fault = (error as { $fault?: unknown }).$fault;
  return fault === 'client' || fault === 'server' ? error.name : undefined;
}

/** The HTTP status of a service error, when the SDK recorded one. */
export function awsErrorStatus(error: unknown): number | undefined {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}
