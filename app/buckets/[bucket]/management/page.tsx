import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';

type Props = { params: Promise<{ bucket: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Management · ${(await params).bucket}` };
}

/**
 * The Management tab's route. Its content (replication rules) belongs to the replication feature: when
 * components/replication/bucket-replication-panel.tsx lands, this page renders it instead of the pointer below.
 */
export default async function ManagementPage({ params }: Props) {
  const { bucket } = await params;
  return (
    <section aria-labelledby="replication-heading" className="space-y-3">
      <h2 id="replication-heading" className="text-lg font-bold">
        Replication rules
      </h2>
      <Alert title="Replication rules are managed on the Replication rules page">
        <p>
          Set up and watch the replication of <strong>{bucket}</strong> from{' '}
          <Link href={`/replication?bucket=${encodeURIComponent(bucket)}`}>Replication rules</Link>.
        </p>
      </Alert>
    </section>
  );
}
