/** The IAM entities the console has a detail page for; the kind names the route (`/iam/groups/[group]`) and the labels. */
export type IamEntityKind = 'group' | 'user' | 'role';

/** "group" → "Group", for headings and titles that start with the kind. */
export function capitalizedKind(kind: IamEntityKind): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

export function entityListHref(kind: IamEntityKind): string {
  return `/iam/${kind}s`;
}
