import { randomBytes } from 'node:crypto';

/**
 * The console's CSP, set per request by the proxy. Scripts: only Next's own, each carrying this request's nonce
 * ('strict-dynamic' lets them load their chunks); every page is dynamically rendered (the root layout awaits
 * connection()), so Next can stamp the nonce on every script. Styles keep 'unsafe-inline': React renders `style`
 * attributes, which nonces cannot cover.
 */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
