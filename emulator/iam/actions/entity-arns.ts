import type { IamStore } from '../../store/iam-store';
import type { IamEntityRef, IamEntityType } from '../../store/iam-types';
import { iamArn } from '../account';

/** The entity's ARN when it exists, else the ARN it would have with the default path (for authorization). */
export function entityArn(iam: IamStore, kind: IamEntityType, name: string): string {
  const existing = kind === 'role' ? iam.roles.find(name) : kind === 'user' ? iam.users.find(name) : iam.groups.find(name);
  return existing?.arn ?? iamArn(kind, '/', name);
}

/** A user, group or role by name, or NoSuchEntity. */
export function requireEntity(iam: IamStore, kind: IamEntityType, name: string): IamEntityRef & { arn: string } {
  const entity = kind === 'role' ? iam.roles.require(name) : kind === 'user' ? iam.users.require(name) : iam.groups.require(name);
  return { type: kind, id: entity.id, name: entity.name, arn: entity.arn };
}
