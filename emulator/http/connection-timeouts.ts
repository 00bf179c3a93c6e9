import type { Server } from 'node:http';

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the idle time of many
 * clients' pooled sockets: a client that reuses a socket just as the server closes it gets ECONNRESET ("socket hang
 * up") for a request the server never read. That race also opens whenever the event loop is held up for a moment
 * under load, because the server's idle timer fires before the waiting request is read. Long-lived keep-alive, as
 * S3 and load balancers keep it, makes the race rare; Node clients close their idle sockets a second before the
 * announced `Keep-Alive: timeout=65`.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Time allowed for a request's header section. Kept above the keep-alive timeout: Node versions that started this
 * timer when the previous response ended would otherwise cut idle keep-alive connections at this limit instead.
 */
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1_000;

export function applyConnectionTimeouts(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
}
