'use client';

import Link from 'next/link';
import { deleteGroupAction } from '@/app/iam/groups/actions';
import type { KeyValueItem } from '@/components/ui/key-value-list';
import { groupQuery, iamKeys, type IamGroupDetails } from '@/lib/queries/iam';
import { arnFact, createdFact, IamEntityDetails, type EntityDeletion } from './entity-details';
import { GroupPolicies } from './group-policies';

function groupFacts(group: IamGroupDetails): KeyValueItem[] {
  return [arnFact(group.arn), createdFact(group.createDate)];
}

const groupDeletion: EntityDeletion<IamGroupDetails> = {
  action: (groupName) => deleteGroupAction({ groupName }),
  invalidates: iamKeys.all,
  plan: (group) => (
    <p>
      The users stay, but lose the permissions this group gave them. The console first removes {group.members.length}{' '}
      {group.members.length === 1 ? 'member' : 'members'} and detaches {group.attachedPolicies.length}{' '}
      {group.attachedPolicies.length === 1 ? 'policy' : 'policies'}, as IAM requires.
    </p>
  ),
};

export function GroupDetails({ groupName }: { groupName: string }) {
  return (
    <IamEntityDetails kind="group" name={groupName} query={groupQuery(groupName)} facts={groupFacts} deletion={groupDeletion}>
      {(group) => (
        <>
          <GroupPolicies group={group} />
          <section aria-labelledby="members-heading" className="space-y-2">
            <h3 id="members-heading" className="text-base font-bold">
              Users in this group ({group.members.length})
            </h3>
            {group.members.length === 0 ? (
              <p className="text-sm text-gray-700">
                No users. Add one from its page under <Link href="/iam/users">Users</Link>.
              </p>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {group.members.map((member) => (
                  <li key={member}>
                    <Link href={`/iam/users/${encodeURIComponent(member)}`}>{member}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </IamEntityDetails>
  );
}
