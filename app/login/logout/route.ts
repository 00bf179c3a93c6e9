import type { NextRequest, NextResponse } from 'next/server';
import { isHttps, LOGIN_PATH, SESSION_COOKIE, sessionCookieOptions } from '@/lib/auth/console-auth';
import { seeOther } from '@/lib/auth/see-other';

/** Signs out: the session cookie is replaced by an expired one. */
export async function POST(request: NextRequest): Promise<NextResponse> {
  const response = seeOther(`${LOGIN_PATH}?signedOut=1`);
  response.cookies.set(SESSION_COOKIE, '', sessionCookieOptions(isHttps(request.nextUrl, request.headers), 0));
  return response;
}
