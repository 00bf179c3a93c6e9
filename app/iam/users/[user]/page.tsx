import type { Metadata } from 'next';
import Link from 'next/link';
import { UserDetails } from '@/components/iam/user-details';

type Props = { params: Promise<{ user: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `User ${(await params).user} · IAM` };
}

export default async function UserPage({ params }: Props) {
  const { user } = await params;
  return (
    <section aria-labelledby="user-heading" className="space-y-4">
      <Link href="/iam/users" className="text-sm">
        ← Users
      </Link>
      <h2 id="user-heading" className="text-xl font-bold">
        User {user}
      </h2>
      <UserDetails userName={user} />
    </section>
  );
}
