import type { Metadata } from 'next';
import Link from 'next/link';
import { GroupDetails } from '@/components/iam/group-details';

type Props = { params: Promise<{ group: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Group ${(await params).group} · IAM` };
}

export default async function GroupPage({ params }: Props) {
  const { group } = await params;
  return (
    <section aria-labelledby="group-heading" className="space-y-4">
      <Link href="/iam/groups" className="text-sm">
        ← Groups
      </Link>
      <h2 id="group-heading" className="text-xl font-bold">
        Group {group}
      </h2>
      <GroupDetails groupName={group} />
    </section>
  );
}
