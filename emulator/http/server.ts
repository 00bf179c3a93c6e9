import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdminRequest } from '../admin/dispatch';
import { authorizeS3Request } from '../auth/authorize';
import type { CredentialRegistry } from '../auth/credential-registry';
import { parseCredentialScopeService, verifySigV4, type VerifiedRequest } from '../auth/sigv4';
import { handleIamRequest, iamErrorResponse } from '../iam/dispatch';
import { S3Error, isKnownErrorCode, renderS3ErrorXml } from '../s3/errors';
import { S3_HANDLERS } from '../s3/operations';
import type { Store } from '../store/store';
import { handleClientError } from './client-error';
import { applyConnectionTimeouts } from './connection-timeouts';
import { OpenBlobFile } from '../store/blob-file';
import { readRawBody, readWholeBody } from './read-body';
import { sendBlobFile } from './send-file';
import { newRequestIds } from './request-ids';
import { openRequestBody, type BodySigning } from './request-body';
import { routeRequest, type Route } from './router';
import type { Authentication, Logger, RequestContext, S3Context, S3Response } from './types';

export interface ServerDependencies {
  store: Store;
  credentials: CredentialRegistry;
  logger: Logger;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const FORM_BODY_LIMIT = 1024 * 1024;

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Errors from the auth and aws-chunked modules carry S3's code and status; anything else is unexpected. */
function toS3Error(error: unknown): S3Error | undefined {
  if (error instanceof S3Error) return error;
  const coded = error as { code?: unknown; status?: unknown; message?: unknown; extra?: unknown };
  if (error instanceof Error && typeof coded.code === 'string' && (typeof coded.status === 'number' || isKnownErrorCode(coded.code))) {
    return new S3Error(coded.code, {
      message: error.message,
      status: typeof coded.status === 'number' ? coded.status : undefined,
      extra: (coded.extra as Record<string, string> | undefined) ?? {},
    });
  }
  return undefined;
}

function isClientDisconnect(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED';
}

export function createEndpointServer(deps: ServerDependencies): Server {
  const server = createServer((req, res) => {
    void handleRequest(req, res, deps);
  });
  server.on('clientError', handleClientError);
  applyConnectionTimeouts(server);
  return server;
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, deps: ServerDependencies): Promise<void> {
  const { requestId, hostId } = newRequestIds();
  const method = (req.method ?? 'GET').toUpperCase();
  const rawUrl = req.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : rawUrl.slice(queryAt + 1);
  let route: Route | undefined;
  let response: S3Response;
  try {
    const query = new URLSearchParams(rawQuery);
    const routed = routeRequest({
      method,
      rawPath,
      query,
      host: headerValue(req, 'host'),
      contentType: headerValue(req, 'content-type'),
      signedService: parseCredentialScopeService(req.headers, rawQuery),
      hasCopySource: req.headers['x-amz-copy-source'] !== undefined,
    });
    route = routed;
    let verified: VerifiedRequest | undefined;
    // IAM/STS clients may sign a form body without sending its hash, so that (small) body is read first.
    const formBody =
      routed.service === 'iam' || routed.service === 'sts' ? await readRawBody(req, FORM_BODY_LIMIT) : undefined;
    const authenticate = async (): Promise<Authentication> => {
      const bodySha256Hex = formBody ? createHash('sha256').update(formBody).digest('hex') : undefined;
      verified = await verifySigV4({ method, rawPath, rawQuery, headers: req.headers, bodySha256Hex }, (accessKeyId) =>
        deps.credentials.resolve(accessKeyId),
      );
      const credential = deps.credentials.resolve(verified.accessKeyId);
      if (!credential) throw new S3Error('InvalidAccessKeyId', { extra: { AWSAccessKeyId: verified.accessKeyId } });
      return {
        accessKeyId: verified.accessKeyId,
        region: verified.region,
        service: verified.service,
        principal: credential.principal,
      };
    };
    const signing = (): BodySigning => {
      if (!verified) return { signedPayloadHash: 'UNSIGNED-PAYLOAD' };
      return {
        signedPayloadHash: verified.signedPayloadHash,
        seedSignature: verified.seedSignature,
        signingKey: verified.signingKey,
        requestDateTime: verified.requestDateTime,
        credentialScope: verified.credentialScope,
      };
    };
    const ctx: RequestContext = {
      requestId,
      method,
      rawPath,
      rawQuery,
      query,
      headers: req.headers,
      route: routed,
      store: deps.store,
      logger: deps.logger,
      request: req,
      openBody: () => openRequestBody(req, signing()),
      readBody: async (maxBytes = DEFAULT_BODY_LIMIT, tooLargeCode = 'MaxMessageLengthExceeded') => {
        if (formBody) return formBody;
        return readWholeBody(openRequestBody(req, signing()), maxBytes, tooLargeCode);
      },
    };
    if (routed.service === 'admin') {
      response = await handleAdminRequest(ctx, authenticate);
    } else {
      // NOTE: one endpoint serves every region, so any region in the credential scope is accepted.
      const auth = await authenticate();
      ctx.auth = auth;
      if (routed.service === 's3') {
        const handler = S3_HANDLERS[routed.operation];
        if (!handler) {
          throw new S3Error('NotImplemented', { message: 'This operation is not implemented by the embedded endpoint.' });
        }
        const s3Context: S3Context = { ...ctx, auth, bucket: routed.bucket, key: routed.key };
        authorizeS3Request(s3Context);
        response = await handler(s3Context);
      } else {
        response = await handleIamRequest(ctx);
      }
    }
  } catch (error) {
    response = errorResponse(error, { route, requestId, hostId, rawPath, method, logger: deps.logger });
  }
  if (method !== 'GET' && method !== 'HEAD') {
    // Nothing that may have written is acknowledged before its metadata commit is on disk (group commit).
    try {
      await deps.store.durable();
    } catch (error) {
      response = errorResponse(error, { route, requestId, hostId, rawPath, method, logger: deps.logger });
    }
  }
  if (!req.complete) prepareToDiscardBody(req, res);
  await send(res, response, requestId, hostId, method, deps.logger);
}

const MAX_DISCARDED_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The response is ready but the body was not (fully) read, e.g. an error before or during it. A small rest is read
 * and discarded so the connection can be reused; a large one is not worth reading, so the connection is closed.
 */
function prepareToDiscardBody(req: IncomingMessage, res: ServerResponse): void {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (!(declared <= MAX_DISCARDED_BODY_BYTES) && !res.headersSent) res.setHeader('connection', 'close');
  res.once('finish', () => {
    if (!req.complete) req.resume();
  });
}

function errorResponse(
  error: unknown,
  info: { route: Route | undefined; requestId: string; hostId: string; rawPath: string; method: string; logger: Logger },
): S3Response {
  let s3Error = toS3Error(error);
  if (!s3Error) {
    if (!isClientDisconnect(error)) {
      info.logger.error('unexpected error', { requestId: info.requestId, error: error instanceof Error ? error.stack : String(error) });
    }
    s3Error = isClientDisconnect(error) ? new S3Error('IncompleteBody') : new S3Error('InternalError');
  }
  if (info.route && (info.route.service === 'iam' || info.route.service === 'sts')) {
    return iamErrorResponse(info.requestId, s3Error.code, s3Error.message, s3Error.status);
  }
  let resource = info.rawPath;
  try {
    resource = decodeURIComponent(info.rawPath);
  } catch {
    // keep the raw path
  }
  const headers: Record<string, string> = { ...s3Error.headers };
  if (info.method === 'HEAD' || s3Error.status === 304) return { status: s3Error.status, headers };
  headers['content-type'] = 'application/xml';
  return { status: s3Error.status, headers, body: renderS3ErrorXml(s3Error, resource, info.requestId, info.hostId) };
}

async function send(
  res: ServerResponse,
  response: S3Response,
  requestId: string,
  hostId: string,
  method: string,
  logger: Logger,
): Promise<void> {
  const body = response.body;
  if (res.headersSent || res.destroyed) {
    if (body instanceof OpenBlobFile) body.close();
    return;
  }
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('x-amz-request-id', requestId);
  res.setHeader('x-amz-id-2', hostId);
  res.setHeader('server', 'AmazonS3');
  if (body instanceof OpenBlobFile) {
    if (method === 'HEAD') {
      body.close();
      res.end();
      return;
    }
    await sendBlobFile(res, body).catch((error: unknown) => {
      if (!isClientDisconnect(error)) logger.error('response body failed', { requestId, error: String(error) });
    });
    return;
  }
  if (body === undefined || method === 'HEAD') {
    if (!res.hasHeader('content-length') && method !== 'HEAD' && response.status !== 204 && response.status !== 304) {
      res.setHeader('content-length', '0');
    }
    res.end();
    return;
  }
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.setHeader('content-length', String(bytes.length));
  res.end(bytes);
}
