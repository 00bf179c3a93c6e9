import { AWS_MANAGED_POLICIES } from '../iam/aws-managed-policies';
import { IamAccessKeyStore } from './iam-access-keys';
import { IamGroupStore } from './iam-groups';
import { IamInlinePolicyStore } from './iam-inline-policies';
import { IamPolicyStore } from './iam-policies';
import { IamRoleStore } from './iam-roles';
import type { IamEntityRef } from './iam-types';
import { IamUserStore } from './iam-users';
import type { MetadataDb } from './metadata';
import type { Store } from './store';

/** The IAM domain operations over the metadata database (tables from migration 010). */
export class IamStore {
  readonly users: IamUserStore;
  readonly groups: IamGroupStore;
  readonly roles: IamRoleStore;
  readonly policies: IamPolicyStore;
  readonly inlinePolicies: IamInlinePolicyStore;
  readonly accessKeys: IamAccessKeyStore;

  constructor(db: MetadataDb) {
    this.users = new IamUserStore(db);
    this.groups = new IamGroupStore(db, this.users);
    this.roles = new IamRoleStore(db);
    this.policies = new IamPolicyStore(db);
    this.inlinePolicies = new IamInlinePolicyStore(db);
    this.accessKeys = new IamAccessKeyStore(db, this.users);
    this.policies.seedAwsManaged(AWS_MANAGED_POLICIES);
  }

  /** Every policy document that applies to the user: its own inline + attached, and those of its groups. */
  userIdentityDocuments(userName: string): string[] | undefined {
    const user = this.users.find(userName);
    if (!user) return undefined;
    const entities: IamEntityRef[] = [
      { type: 'user', id: user.id, name: user.name },
      ...this.groups.groupsOfUser(user.name).map((group): IamEntityRef => ({ type: 'group', id: group.id, name: group.name })),
    ];
    return entities.flatMap((entity) => [
      ...this.inlinePolicies.documents(entity),
      ...this.policies.attachedDocuments(entity),
    ]);
  }
}

const iamStores = new WeakMap<Store, IamStore>();

/** The IAM operations of an open Store (created once per Store, without the Store having to know about IAM). */
export function iamStoreOf(store: Store): IamStore {
  let iam = iamStores.get(store);
  if (!iam) {
    iam = new IamStore(store.db);
    iamStores.set(store, iam);
  }
  return iam;
}
