'use client';

import { deleteUserAction } from '@/app/iam/users/actions';
import type { KeyValueItem } from '@/components/ui/key-value-list';
import { iamKeys, userQuery, type IamUserDetails } from '@/lib/queries/iam';
import { arnFact, createdFact, IamEntityDetails, type EntityDeletion } from './entity-details';
import { UserAccessKeys } from './user-access-keys';
import { UserGroups } from './user-groups';

function userFacts(user: IamUserDetails): KeyValueItem[] {
  return [
    arnFact(user.arn),
    createdFact(user.createDate),
    {
      key: 'policies',
      label: 'Policies attached to the user',
      value: user.attachedPolicies.length ? user.attachedPolicies.map((policy) => policy.name).join(', ') : 'None (permissions come from groups)',
    },
  ];
}

const userDeletion: EntityDeletion<IamUserDetails> = {
  action: (userName) => deleteUserAction({ userName }),
  invalidates: iamKeys.all,
  plan: (user) => (
    <>
      <p>IAM deletes a user only once nothing belongs to it. The console will, in order:</p>
      <ol className="list-decimal pl-5">
        {user.accessKeys.map((key) => (
          <li key={key.accessKeyId}>Delete access key {key.accessKeyId}</li>
        ))}
        {user.groups.map((group) => (
          <li key={group}>Remove the user from group {group}</li>
        ))}
        {user.attachedPolicies.map((policy) => (
          <li key={policy.arn}>Detach policy {policy.name}</li>
        ))}
        {user.inlinePolicies.map((name) => (
          <li key={name}>Delete inline policy {name}</li>
        ))}
        <li>Delete the user</li>
      </ol>
    </>
  ),
};

export function UserDetails({ userName }: { userName: string }) {
  return (
    <IamEntityDetails kind="user" name={userName} query={userQuery(userName)} facts={userFacts} deletion={userDeletion}>
      {(user) => [<UserGroups key="groups" user={user} />, <UserAccessKeys key="access-keys" user={user} />]}
    </IamEntityDetails>
  );
}
