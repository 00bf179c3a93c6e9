import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { capitalizedKind, entityListHref, type IamEntityKind } from '@/components/iam/entity-kind';

/** The dynamic segment is named after the kind: `/iam/groups/[group]`, `/iam/users/[user]`, `/iam/roles/[role]`. */
type EntityPageProps<Kind extends IamEntityKind> = { params: Promise<Record<Kind, string>> };

/** The page of one user, group or role: its title, and the back link and heading above its details. */
export function iamEntityRoute<Kind extends IamEntityKind>(kind: Kind, details: (name: string) => ReactNode) {
  const label = capitalizedKind(kind);

  async function generateMetadata({ params }: EntityPageProps<Kind>): Promise<Metadata> {
    return { title: `${label} ${(await params)[kind]} · IAM` };
  }

  async function EntityPage({ params }: EntityPageProps<Kind>) {
    const name = (await params)[kind];
    return (
      <section aria-labelledby={`${kind}-heading`} className="space-y-4">
        <Link href={entityListHref(kind)} className="text-sm">
          {`← ${label}s`}
        </Link>
        <h2 id={`${kind}-heading`} className="text-xl font-bold">
          {label} {name}
        </h2>
        {details(name)}
      </section>
    );
  }

  return { generateMetadata, EntityPage };
}
