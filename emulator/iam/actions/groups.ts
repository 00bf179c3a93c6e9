import { iamArn } from '../account';
import type { IamActionHandler } from '../iam-call';
import { paginate, paginationXml } from '../pagination';
import { groupXml, userXml } from '../render';
import { memberList } from '../xml';
import { entityArn } from './entity-arns';
import { USER_NAME_MAX } from './users';

const GROUP_NAME_MAX = 128;

export const createGroup: IamActionHandler = (call) => {
  const name = call.params.name('GroupName', 'groupName', GROUP_NAME_MAX);
  const path = call.params.path();
  call.params.done();
  call.authorize(iamArn('group', path, name));
  return `<Group>${groupXml(call.iam.groups.create(name, path))}</Group>`;
};

/** The group and (a page of) its users. */
export const getGroup: IamActionHandler = (call) => {
  const name = call.params.name('GroupName', 'groupName', GROUP_NAME_MAX);
  const { marker, maxItems } = call.params.paging();
  call.params.done();
  call.authorize(entityArn(call.iam, 'group', name));
  const { group, users } = call.iam.groups.members(name);
  const page = paginate(users, (user) => user.name.toLowerCase(), marker, maxItems);
  return `<Group>${groupXml(group)}</Group>` + memberList('Users', page.items.map(userXml)) + paginationXml(page);
};

export const listGroups: IamActionHandler = (call) => {
  const pathPrefix = call.params.pathPrefix();
  const { marker, maxItems } = call.params.paging();
  call.params.done();
  call.authorize('*');
  const page = paginate(call.iam.groups.list(pathPrefix), (group) => group.name.toLowerCase(), marker, maxItems);
  return memberList('Groups', page.items.map(groupXml)) + paginationXml(page);
};

export const listGroupsForUser: IamActionHandler = (call) => {
  const userName = call.params.name('UserName', 'userName', USER_NAME_MAX);
  const { marker, maxItems } = call.params.paging();
  call.params.done();
  call.authorize(entityArn(call.iam, 'user', userName));
  const page = paginate(call.iam.groups.groupsOfUser(userName), (group) => group.name.toLowerCase(), marker, maxItems);
  return memberList('Groups', page.items.map(groupXml)) + paginationXml(page);
};

export const addUserToGroup: IamActionHandler = (call) => {
  const groupName = call.params.name('GroupName', 'groupName', GROUP_NAME_MAX);
  const userName = call.params.name('UserName', 'userName', USER_NAME_MAX);
  call.params.done();
  call.authorize(entityArn(call.iam, 'group', groupName));
  call.iam.groups.addUser(groupName, userName);
  return undefined;
};

export const removeUserFromGroup: IamActionHandler = (call) => {
  const groupName = call.params.name('GroupName', 'groupName', GROUP_NAME_MAX);
  const userName = call.params.name('UserName', 'userName', USER_NAME_MAX);
  call.params.done();
  call.authorize(entityArn(call.iam, 'group', groupName));
  call.iam.groups.removeUser(groupName, userName);
  return undefined;
};

export const deleteGroup: IamActionHandler = (call) => {
  const name = call.params.name('GroupName', 'groupName', GROUP_NAME_MAX);
  call.params.done();
  call.authorize(entityArn(call.iam, 'group', name));
  call.iam.groups.delete(name);
  return undefined;
};
