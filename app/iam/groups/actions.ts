'use server';

import { action } from '@/lib/actions/action';
import { iamClient } from '@/lib/aws/clients';
import { attachGroupPolicy, createGroup, deleteGroupWithDependencies, detachGroupPolicy } from '@/lib/s3-console/iam/groups';
import { groupInput, groupPolicyInput } from '@/lib/s3-console/iam/iam-inputs';

export const createGroupAction = action(groupInput, (input) => createGroup(iamClient(), input.groupName));

export const attachGroupPolicyAction = action(groupPolicyInput, (input) => attachGroupPolicy(iamClient(), input));

export const detachGroupPolicyAction = action(groupPolicyInput, (input) => detachGroupPolicy(iamClient(), input));

export const deleteGroupAction = action(groupInput, (input) => deleteGroupWithDependencies(iamClient(), input.groupName));
