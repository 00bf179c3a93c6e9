'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { iamClient } from '@/lib/aws/clients';
import { accessKeyInput, accessKeyStatusInput, createUserInput, userGroupInput, userInput } from '@/lib/s3-console/iam/iam-inputs';
import {
  addUserToGroup,
  createAccessKey,
  createUser,
  deleteAccessKey,
  deleteUserWithDependencies,
  removeUserFromGroup,
  setAccessKeyStatus,
} from '@/lib/s3-console/iam/users';

const createUserWithAccessInput = createUserInput.extend({ programmaticAccess: z.boolean() });

/** Create user, optionally with programmatic access: the new key's secret is in this one answer and nowhere else. */
export const createUserAction = action(createUserWithAccessInput, async (input) => {
  const user = await createUser(iamClient(), input);
  const accessKey = input.programmaticAccess ? await createAccessKey(iamClient(), input.userName) : undefined;
  return { user, accessKey };
});

export const addUserToGroupAction = action(userGroupInput, (input) => addUserToGroup(iamClient(), input));

export const removeUserFromGroupAction = action(userGroupInput, (input) => removeUserFromGroup(iamClient(), input));

export const createAccessKeyAction = action(userInput, (input) => createAccessKey(iamClient(), input.userName));

export const setAccessKeyStatusAction = action(accessKeyStatusInput, (input) => setAccessKeyStatus(iamClient(), input));

export const deleteAccessKeyAction = action(accessKeyInput, (input) => deleteAccessKey(iamClient(), input));

export const deleteUserAction = action(userInput, (input) => deleteUserWithDependencies(iamClient(), input.userName));
