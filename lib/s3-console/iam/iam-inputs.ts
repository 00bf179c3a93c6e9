import { z } from 'zod';

/** IAM's name pattern for users, groups and roles: letters, digits and + = , . @ _ - */
const IAM_NAME = /^[\w+=,.@-]+$/;

function iamName(what: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `Enter a ${what} name.`)
    .max(max, `A ${what} name is at most ${max} characters long.`)
    .regex(IAM_NAME, `A ${what} name can contain only letters, numbers and + = , . @ _ - (no spaces).`);
}

export const userNameField = iamName('user', 64);
export const groupNameField = iamName('group', 128);
export const roleNameField = iamName('role', 64);

export const policyArnField = z
  .string()
  .trim()
  .regex(/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/.+$/, 'Choose a policy (an ARN such as arn:aws:iam::aws:policy/AdministratorAccess).');

export const accessKeyIdField = z.string().regex(/^[A-Z0-9]{16,128}$/, 'Not an access key ID.');

export const createUserInput = z.object({ userName: userNameField, groups: z.array(groupNameField).max(10) });
export const userInput = z.object({ userName: userNameField });
export const userGroupInput = z.object({ userName: userNameField, groupName: groupNameField });
export const accessKeyInput = z.object({ userName: userNameField, accessKeyId: accessKeyIdField });
export const accessKeyStatusInput = accessKeyInput.extend({ status: z.enum(['Active', 'Inactive']) });
export const groupInput = z.object({ groupName: groupNameField });
export const groupPolicyInput = z.object({ groupName: groupNameField, policyArn: policyArnField });
export const roleInput = z.object({ roleName: roleNameField });

export type CreateUserInput = z.infer<typeof createUserInput>;
export type UserGroupInput = z.infer<typeof userGroupInput>;
export type AccessKeyInput = z.infer<typeof accessKeyInput>;
export type AccessKeyStatusInput = z.infer<typeof accessKeyStatusInput>;
export type GroupPolicyInput = z.infer<typeof groupPolicyInput>;
