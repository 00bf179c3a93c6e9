'use server';

import { action } from '@/lib/actions/action';
import { iamClient } from '@/lib/aws/clients';
import { roleInput } from '@/lib/s3-console/iam/iam-inputs';
import { deleteRoleWithDependencies } from '@/lib/s3-console/iam/roles';

export const deleteRoleAction = action(roleInput, (input) => deleteRoleWithDependencies(iamClient(), input.roleName));
