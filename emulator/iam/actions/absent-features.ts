import { iamArn } from '../account';
import { noSuchEntity } from '../iam-error';
import type { IamActionHandler } from '../iam-call';
import { paginationXml } from '../pagination';
import { memberList } from '../xml';
import { entityArn } from './entity-arns';
import { USER_NAME_MAX } from './users';

/**
 * Instance profiles and console passwords (login profiles) never exist on this endpoint. Clients that clean them up
 * before DeleteRole / DeleteUser (as the AWS console does) get the answers IAM gives an account without any.
 */

export const listInstanceProfilesForRole: IamActionHandler = (call) => {
  const roleName = call.params.name('RoleName', 'roleName', 64);
  call.params.paging();
  call.params.done();
  call.authorize(entityArn(call.iam, 'role', roleName));
  call.iam.roles.require(roleName);
  return memberList('InstanceProfiles', []) + paginationXml({ items: [], isTruncated: false });
};

export const removeRoleFromInstanceProfile: IamActionHandler = (call) => {
  const roleName = call.params.name('RoleName', 'roleName', 64);
  const profileName = call.params.name('InstanceProfileName', 'instanceProfileName', 128);
  call.params.done();
  call.authorize(iamArn('instance-profile', '/', profileName));
  call.iam.roles.require(roleName);
  throw noSuchEntity(`Instance Profile ${profileName} cannot be found.`);
};

function loginProfileAction(): IamActionHandler {
  return (call) => {
    const userName = call.params.name('UserName', 'userName', USER_NAME_MAX);
    call.params.done();
    call.authorize(entityArn(call.iam, 'user', userName));
    call.iam.users.require(userName);
    throw noSuchEntity(`Login Profile for User ${userName} cannot be found.`);
  };
}

export const getLoginProfile = loginProfileAction();
export const deleteLoginProfile = loginProfileAction();
