import type { Metadata } from 'next';
import Link from 'next/link';
import { RoleDetails } from '@/components/iam/role-details';

type Props = { params: Promise<{ role: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Role ${(await params).role} · IAM` };
}

export default async function RolePage({ params }: Props) {
  const { role } = await params;
  return (
    <section aria-labelledby="role-heading" className="space-y-4">
      <Link href="/iam/roles" className="text-sm">
        ← Roles
      </Link>
      <h2 id="role-heading" className="text-xl font-bold">
        Role {role}
      </h2>
      <RoleDetails roleName={role} />
    </section>
  );
}
