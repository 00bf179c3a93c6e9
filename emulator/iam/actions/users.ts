import { ACCOUNT_ID, ROOT_ARN, iamArn } from '../account';
import { invalidInput } from '../iam-error';
import type { IamActionHandler } from '../iam-call';
import { paginate, paginationXml } from '../pagination';
import { userXml } from '../render';
import { element, iamDate, memberList } from '../xml';
import { entityArn } from './entity-arns';

export const USER_NAME_MAX = 64;

/** NOTE: the root user has no creation date on this endpoint; IAM shows the account's, we show the Unix epoch. */
const ROOT_USER_XML = element('UserId', ACCOUNT_ID) + element('Arn', ROOT_ARN) + element('CreateDate', iamDate(0));

export const createUser: IamActionHandler = (call) => {
  const { params } = call;
  const name = params.name('UserName', 'userName', USER_NAME_MAX);
  const path = params.path();
  const tags = params.tags();
  params.done();
  call.authorize(iamArn('user', path, name));
  if (params.raw('PermissionsBoundary') !== undefined) {
    throw invalidInput('Permissions boundaries are not supported by the embedded endpoint.');
  }
  return `<User>${userXml(call.iam.users.create({ name, path, tags }))}</User>`;
};

/** Without UserName: the caller (IAM infers the user from the access key). */
export const getUser: IamActionHandler = (call) => {
  const named = call.params.optionalName('UserName', 'userName', USER_NAME_MAX);
  call.params.done();
  const name = named ?? (call.principal.type === 'user' ? call.principal.userName : undefined);
  if (name === undefined) {
    call.authorize(ROOT_ARN);
    return `<User>${ROOT_USER_XML}</User>`;
  }
  call.authorize(entityArn(call.iam, 'user', name));
  return `<User>${userXml(call.iam.users.require(name))}</User>`;
};

export const listUsers: IamActionHandler = (call) => {
  const pathPrefix = call.params.pathPrefix();
  const { marker, maxItems } = call.params.paging();
  call.params.done();
  call.authorize('*');
  const page = paginate(call.iam.users.list(pathPrefix), (user) => user.name.toLowerCase(), marker, maxItems);
  return memberList('Users', page.items.map(userXml)) + paginationXml(page);
};

export const deleteUser: IamActionHandler = (call) => {
  const name = call.params.name('UserName', 'userName', USER_NAME_MAX);
  call.params.done();
  call.authorize(entityArn(call.iam, 'user', name));
  call.iam.users.delete(name);
  return undefined;
};
