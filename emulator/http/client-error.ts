import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { S3Error, renderS3ErrorXml } from '../s3/errors';
import { newRequestIds } from './request-ids';

/**
 * What Node's HTTP parser could not read (a bad request line, a negative or non-numeric Content-Length, a header
 * section over Node's limit, …) is answered with S3's XML error instead of Node's bare status line.
 */

/** The parser's error as Node reports it to `clientError`. */
interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/** The response Node is writing on the socket, if any (internal but stable since Node 0.x). */
type HttpSocket = Duplex & {
  _httpMessage?: {
    writableEnded: boolean;
    req?: { complete: boolean };
    once(event: 'finish' | 'close', listener: () => void): void;
  } | null;
};

/** Errors that mean the client went away (closed mid-request): there is nobody left to answer. */
const CLIENT_GONE = new Set(['HPE_INVALID_EOF_STATE', 'ECONNRESET', 'EPIPE']);

/** How long a connection we answered may linger while the client is still sending before it is cut. */
const LINGER_MS = 5_000;

const answered = new WeakSet<Duplex>();

export function parserErrorToS3Error(error: ParserError): S3Error {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      // NOTE: S3 documents 400 for RequestHeaderSectionTooLarge; Node's own answer would be 431.
      return new S3Error('RequestHeaderSectionTooLarge', {
        status: 400,
        message: 'Your request header section exceeds the maximum allowed size.',
      });
    case 'HPE_INVALID_CONTENT_LENGTH':
      return new S3Error('InvalidArgument', {
        message: 'The Content-Length header is not a valid non-negative integer.',
        extra: { ArgumentName: 'Content-Length' },
      });
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new S3Error('MaxMessageLengthExceeded');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new S3Error('RequestTimeout', {
        status: 400,
        message: 'Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.',
      });
    default:
      return new S3Error('BadRequest', { message: 'An error occurred when parsing the HTTP request.' });
  }
}

/** The request target of the packet's request line when it has one (the error's Resource), else "/". */
function resourceOf(rawPacket: Buffer | undefined): string {
  const line = /^[A-Za-z]+ (\S+) HTTP\//.exec(rawPacket?.subarray(0, 8192).toString('latin1') ?? '');
  if (!line?.[1]) return '/';
  const target = line[1].split('?')[0] ?? '/';
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

function renderResponse(error: S3Error, resource: string): string {
  const { requestId, hostId } = newRequestIds();
  const body = renderS3ErrorXml(error, resource, requestId, hostId);
  return (
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Bad Request'}\r\n` +
    'Content-Type: application/xml\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n' +
    `x-amz-request-id: ${requestId}\r\n` +
    `x-amz-id-2: ${hostId}\r\n` +
    'Server: AmazonS3\r\n' +
    `Date: ${new Date().toUTCString()}\r\n\r\n` +
    body
  );
}

function answer(socket: Duplex, error: ParserError): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(renderResponse(parserErrorToS3Error(error), resourceOf(error.rawPacket)));
  // The client may still be sending (e.g. the rest of an oversized header section): let it read the answer first.
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** The server's `clientError` listener: answer once per connection, after any response still being written. */
export function handleClientError(error: Error, socket: Duplex): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  const inFlight = (socket as HttpSocket)._httpMessage;
  const code = (error as ParserError).code ?? '';
  if (CLIENT_GONE.has(code) || !socket.writable || (inFlight && !inFlight.writableEnded && inFlight.req?.complete === false)) {
    // The client left, or the request being handled is the broken one (its body never completed): as Node itself
    // does, drop the connection so the handler's body stream ends with an error instead of waiting forever.
    socket.destroy();
    return;
  }
  if (inFlight && !inFlight.writableEnded) {
    // A pipelined request broke while the previous response is being written; answer after it, never inside it.
    let done = false;
    const after = (): void => {
      if (done) return;
      done = true;
      answer(socket, error as ParserError);
    };
    inFlight.once('finish', after);
    inFlight.once('close', after);
    return;
  }
  answer(socket, error as ParserError);
}
