import type { ListObjectVersionsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

type ListingCommand = ListObjectsV2Command | ListObjectVersionsCommand;

const MIDDLEWARE_NAME = 'compareRawListingBody';

function isByteStream(body: unknown): body is AsyncIterable<Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

async function bodyText(body: unknown): Promise<string> {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (!isByteStream(body)) throw new TypeError('The listing response body is not a byte stream.');
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends a listing command through the SDK (credentials, endpoint, signing, retries and error responses stay the
 * SDK's) but parses a successful response body with `parse` instead of the SDK's generic XML deserializer, which
 * then only sees the empty `<emptyRoot/>` document. Error responses are left to the SDK untouched.
 */
export async function sendListing<T>(
  s3: S3Client,
  command: ListingCommand,
  emptyRoot: string,
  parse: (xml: string) => T,
  abortSignal?: AbortSignal,
): Promise<T> {
  let parsed: { value: T } | undefined;
  const emptyDocument = Buffer.from(`<${emptyRoot}/>`);
  // Both commands have the same stack API; one concrete type lets TypeScript type the middleware.
  (command as ListObjectsV2Command).middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { statusCode?: unknown; body?: unknown };
      if (typeof response.statusCode === 'number' && response.statusCode >= 200 && response.statusCode < 300) {
        parsed = { value: parse(await bodyText(response.body)) };
        response.body = new Uint8Array(emptyDocument);
      }
      return result;
    },
    // Below the SDK's deserializer, next to the HTTP handler: sees the raw response first.
    { step: 'deserialize', priority: 'low', name: MIDDLEWARE_NAME },
  );
  // The SDK's types overload send() per command; the output itself is unused (the parsed body is the answer).
  await (s3.send as (command: ListingCommand, options: { abortSignal?: AbortSignal }) => Promise<unknown>)(command, { abortSignal });
  if (!parsed) throw new Error('The listing response was not read.');
  return parsed.value;
}
