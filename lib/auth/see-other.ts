import { NextResponse } from 'next/server';

/**
 * A 303 to a same-origin path with a relative Location. `request.url` inside Next names the host Next was started
 * with (e.g. localhost), not the one the browser used, and a form POST redirected to another origin is blocked by
 * the CSP's form-action 'self'.
 */
export function seeOther(pathAndQuery: string): NextResponse {
  if (!pathAndQuery.startsWith('/') || pathAndQuery.startsWith('//')) throw new Error(`not a same-origin path: ${pathAndQuery}`);
  return new NextResponse(null, { status: 303, headers: { location: pathAndQuery } });
}
