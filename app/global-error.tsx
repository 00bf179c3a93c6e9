'use client';

import './globals.css';

/** Replaces the root layout when it fails itself; keeps to plain markup. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="en">
      <body className="p-8 font-sans">
        <title>Error · S3 Replication Console</title>
        <main className="max-w-xl space-y-4">
          <h1 className="text-2xl font-bold">The console could not start this page</h1>
          <p role="alert">
            Something went wrong on the console server. Its log has the details{digest ? ` (error id ${digest})` : ''}.
          </p>
          <button type="button" onClick={retry} className="rounded-full border-2 border-action px-4 py-1 font-bold text-action">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
