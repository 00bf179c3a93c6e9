import type { NextRequest } from 'next/server';
import { guardRequest } from '@/lib/auth/guard-request';

/** Next 16's request proxy (formerly middleware): CSP nonce on every response, console login when configured. */
export function proxy(request: NextRequest) {
  return guardRequest(request);
}

export const config = {
  // Static build output and the icon carry no data and need no nonce.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
