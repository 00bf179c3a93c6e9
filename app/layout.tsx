import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { ConfigurationError } from '@/components/layout/configuration-error';
import { SideNav } from '@/components/layout/side-nav';
import { Providers } from '@/components/providers';
import { describeBackend, type BackendInfo } from '@/lib/aws/backend';
import { ConsoleEnvError } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s · S3 Replication Console', default: 'S3 Replication Console' },
  description: 'Set up and watch Amazon S3 bucket replication.',
};

async function loadBackend(): Promise<{ backend?: BackendInfo; problems?: string[] }> {
  try {
    return { backend: await describeBackend() };
  } catch (error) {
    if (error instanceof ConsoleEnvError) return { problems: error.problems };
    throw error;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The backend comes from the environment at run time, never from the build.
  await connection();
  const { backend, problems } = await loadBackend();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1"
        >
          Skip to main content
        </a>
        <Providers>
          <AppHeader backend={backend} />
          <div className="flex min-h-[calc(100vh-2.5rem)] flex-col md:flex-row">
            <SideNav />
            <main id="main" tabIndex={-1} className="min-w-0 flex-1 space-y-6 px-4 py-5 md:px-8">
              {problems ? <ConfigurationError problems={problems} /> : children}
            </main>
          </div>
        </Providers>
      </body>
    </html>
  );
}
