import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { OpenBlobFile } from '../store/blob-file';
import type { Store } from '../store/store';
import type { IncomingBody } from '../store/objects';
import type { Route } from './router';

export interface S3Response {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer | OpenBlobFile;
}

export type Principal = { type: 'root' } | { type: 'user'; userName: string; arn: string };

export interface ResolvedCredential {
  secretAccessKey: string;
  principal: Principal;
}

/** Access key id → secret + principal; resolvers are composed (root key first, then IAM users' keys). */
export type CredentialResolver = (accessKeyId: string) => ResolvedCredential | undefined;

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** What the SigV4 verification established about the request (absent for unauthenticated admin routes). */
export interface Authentication {
  accessKeyId: string;
  region: string;
  service: string;
  principal: Principal;
}

export interface RequestContext {
  requestId: string;
  method: string;
  /** Path as received (percent-encoded), without the query. */
  rawPath: string;
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  route: Route;
  store: Store;
  logger: Logger;
  request: IncomingMessage;
  auth?: Authentication;
  /** The decoded, verified body (aws-chunked, x-amz-content-sha256, Content-MD5, x-amz-checksum-*), streamed. */
  openBody(): IncomingBody;
  /** The whole decoded body, refusing more than `maxBytes` with `tooLargeCode`. */
  readBody(maxBytes: number, tooLargeCode?: string): Promise<Buffer>;
}

/** Context of an authenticated S3 request: bucket and key are '' when the route has none. */
export interface S3Context extends RequestContext {
  auth: Authentication;
  bucket: string;
  key: string;
}

export type S3Handler = (ctx: S3Context) => Promise<S3Response>;
