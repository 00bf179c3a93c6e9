import { invalidInput } from '../iam-error';
import type { IamActionHandler } from '../iam-call';
import { iamArn } from '../account';
import { paginate, paginationXml } from '../pagination';
import { validatedDocument } from '../policy-input';
import { roleXml } from '../render';
import { memberList } from '../xml';
import { entityArn } from './entity-arns';

const ROLE_NAME_MAX = 64;

export const createRole: IamActionHandler = (call) => {
  const { params } = call;
  const name = params.name('RoleName', 'roleName', ROLE_NAME_MAX);
  const path = params.path();
  const document = params.document('AssumeRolePolicyDocument', 'assumeRolePolicyDocument');
  const description = params.description();
  const maxSessionDuration = params.integer('MaxSessionDuration', 'maxSessionDuration', { min: 3600, max: 43200 });
  const tags = params.tags();
  params.done();
  call.authorize(iamArn('role', path, name));
  if (params.raw('PermissionsBoundary') !== undefined) {
    throw invalidInput('Permissions boundaries are not supported by the embedded endpoint.');
  }
  const role = call.iam.roles.create({
    name,
    path,
    assumeRolePolicy: validatedDocument(document, 'trust'),
    description,
    maxSessionDuration: maxSessionDuration ?? 3600,
    tags,
  });
  return `<Role>${roleXml(role)}</Role>`;
};

export const getRole: IamActionHandler = (call) => {
  const name = call.params.name('RoleName', 'roleName', ROLE_NAME_MAX);
  call.params.done();
  call.authorize(entityArn(call.iam, 'role', name));
  return `<Role>${roleXml(call.iam.roles.require(name))}</Role>`;
};

export const listRoles: IamActionHandler = (call) => {
  const pathPrefix = call.params.pathPrefix();
  const { marker, maxItems } = call.params.paging();
  call.params.done();
  call.authorize('*');
  const page = paginate(call.iam.roles.list(pathPrefix), (role) => role.name.toLowerCase(), marker, maxItems);
  return memberList('Roles', page.items.map(roleXml)) + paginationXml(page);
};

export const deleteRole: IamActionHandler = (call) => {
  const name = call.params.name('RoleName', 'roleName', ROLE_NAME_MAX);
  call.params.done();
  call.authorize(entityArn(call.iam, 'role', name));
  call.iam.roles.delete(name);
  return undefined;
};

export const updateAssumeRolePolicy: IamActionHandler = (call) => {
  const name = call.params.name('RoleName', 'roleName', ROLE_NAME_MAX);
  const document = call.params.document('PolicyDocument', 'policyDocument');
  call.params.done();
  call.authorize(entityArn(call.iam, 'role', name));
  call.iam.roles.require(name);
  call.iam.roles.updateAssumeRolePolicy(name, validatedDocument(document, 'trust'));
  return undefined;
};
