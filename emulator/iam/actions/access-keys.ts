import type { AccessKeyStatus } from '../../store/iam-types';
import { ROOT_ARN } from '../account';
import { IamError } from '../iam-error';
import type { IamActionHandler, IamCall } from '../iam-call';
import { paginate, paginationXml } from '../pagination';
import { accessKeyMetadataXml, newAccessKeyXml } from '../render';
import { memberList } from '../xml';
import { entityArn } from './entity-arns';
import { USER_NAME_MAX } from './users';

/**
 * Without UserName, access key actions apply to the caller's own user (IAM infers it from the signing key).
 * NOTE: the root user's own access keys are not managed through IAM here (the endpoint's root key is configured).
 */
function targetUser(call: IamCall): string {
  const named = call.params.optionalName('UserName', 'userName', USER_NAME_MAX);
  call.params.done();
  if (named !== undefined) {
    call.authorize(entityArn(call.iam, 'user', named));
    return named;
  }
  if (call.principal.type === 'user') {
    call.authorize(call.principal.arn);
    return call.principal.userName;
  }
  call.authorize(ROOT_ARN);
  throw new IamError(
    'InvalidInput',
    "The root user's access keys are not managed through IAM on this endpoint; pass UserName.",
    400,
  );
}

export const createAccessKey: IamActionHandler = (call) => {
  const userName = targetUser(call);
  return `<AccessKey>${newAccessKeyXml(call.iam.accessKeys.create(userName))}</AccessKey>`;
};

export const listAccessKeys: IamActionHandler = (call) => {
  const { marker, maxItems } = call.params.paging();
  const userName = targetUser(call);
  const keys = call.iam.accessKeys.listForUser(userName);
  const page = paginate(keys, (key) => `${String(key.createdAt).padStart(15, '0')}${key.accessKeyId}`, marker, maxItems);
  return memberList('AccessKeyMetadata', page.items.map(accessKeyMetadataXml)) + paginationXml(page);
};

export const deleteAccessKey: IamActionHandler = (call) => {
  const accessKeyId = call.params.accessKeyId();
  const userName = targetUser(call);
  call.iam.accessKeys.delete(userName, accessKeyId);
  return undefined;
};

export const updateAccessKey: IamActionHandler = (call) => {
  const accessKeyId = call.params.accessKeyId();
  const status = call.params.enumValue<AccessKeyStatus>('Status', 'status', ['Active', 'Inactive']);
  const userName = targetUser(call);
  call.iam.accessKeys.setStatus(userName, accessKeyId, status ?? 'Active');
  return undefined;
};
