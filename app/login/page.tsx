import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { consoleAuth, LOGIN_PATH, safeNextPath, SESSION_COOKIE } from '@/lib/auth/console-auth';
import { verifySessionToken } from '@/lib/auth/session-token';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const auth = consoleAuth();
  const next = safeNextPath(single(params.next));
  if (!auth) {
    return (
      <section className="max-w-md space-y-3">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p>No console password is set: the console listens on this machine only (127.0.0.1) and needs no sign-in.</p>
        <Link className="text-blue-700 underline" href="/buckets">
          Go to buckets
        </Link>
      </section>
    );
  }
  const signedIn = verifySessionToken(auth.key, (await cookies()).get(SESSION_COOKIE)?.value);
  const error = single(params.error) === 'invalid' ? 'That password is not correct.' : undefined;
  const notice = single(params.signedOut) ? 'You are signed out.' : undefined;
  return (
    <section className="max-w-md space-y-4">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p aria-live="polite" role="status" className="text-sm">
        {notice}
      </p>
      {signedIn ? (
        <form method="post" action={`${LOGIN_PATH}/logout`} className="space-y-3">
          <p>You are signed in.</p>
          <div className="flex gap-3">
            <Link className="rounded bg-blue-700 px-3 py-1.5 text-white" href={next}>
              Continue
            </Link>
            <button type="submit" className="rounded border px-3 py-1.5">
              Sign out
            </button>
          </div>
        </form>
      ) : (
        <form method="post" action={`${LOGIN_PATH}/submit`} className="space-y-3">
          <input type="hidden" name="next" value={next} />
          <div className="flex flex-col gap-1">
            <label htmlFor="password" className="text-sm font-medium">
              Console password
            </label>
            <input
              id="password"
              name="password"
              type="password"
              required
              autoComplete="current-password"
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'password-error' : undefined}
              className="rounded border px-2 py-1.5"
            />
            <p id="password-error" role="alert" className="text-sm text-red-700">
              {error}
            </p>
          </div>
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-white">
            Sign in
          </button>
        </form>
      )}
    </section>
  );
}
