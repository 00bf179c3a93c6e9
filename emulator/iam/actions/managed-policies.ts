import { iamArn } from '../account';
import type { IamActionHandler } from '../iam-call';
import { paginate, paginationXml } from '../pagination';
import { checkManagedPolicySize, checkPolicyArn, validatedDocument } from '../policy-input';
import { policyVersionXml, policyXml } from '../render';
import { memberList } from '../xml';
import { validationError } from '../iam-error';

const POLICY_NAME_MAX = 128;
const VERSION_ID_PATTERN = /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/;

export const createPolicy: IamActionHandler = (call) => {
  const { params } = call;
  const name = params.name('PolicyName', 'policyName', POLICY_NAME_MAX);
  const path = params.path();
  const document = params.document('PolicyDocument', 'policyDocument');
  const description = params.description();
  const tags = params.tags();
  params.done();
  call.authorize(iamArn('policy', path, name));
  checkManagedPolicySize(document);
  const policy = call.iam.policies.create({ name, path, description, document: validatedDocument(document, 'identity'), tags });
  return `<Policy>${policyXml(policy, { withDescription: false })}</Policy>`;
};

export const getPolicy: IamActionHandler = (call) => {
  const arn = call.params.arn('PolicyArn', 'policyArn');
  call.params.done();
  checkPolicyArn(arn);
  call.authorize(arn);
  return `<Policy>${policyXml(call.iam.policies.require(arn), { withDescription: true })}</Policy>`;
};

export const getPolicyVersion: IamActionHandler = (call) => {
  const arn = call.params.arn('PolicyArn', 'policyArn');
  const versionId = call.params.raw('VersionId');
  call.params.done();
  checkPolicyArn(arn);
  if (versionId === undefined || !VERSION_ID_PATTERN.test(versionId)) {
    throw validationError(
      `1 validation error detected: Value ${versionId === undefined ? 'null' : `'${versionId}'`} at 'versionId' failed to ` +
        'satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
    );
  }
  call.authorize(arn);
  return `<PolicyVersion>${policyVersionXml(call.iam.policies.getVersion(arn, versionId))}</PolicyVersion>`;
};

export const listPolicies: IamActionHandler = (call) => {
  const { params } = call;
  const scope = params.enumValue('Scope', 'scope', ['All', 'AWS', 'Local'] as const, 'All') ?? 'All';
  const onlyAttached = params.boolean('OnlyAttached');
  const pathPrefix = params.pathPrefix();
  const { marker, maxItems } = params.paging();
  params.done();
  call.authorize('*');
  const policies = call.iam.policies.list({ scope, onlyAttached, pathPrefix });
  const page = paginate(policies, (policy) => `${policy.name.toLowerCase()}\u0000${policy.arn}`, marker, maxItems);
  return memberList('Policies', page.items.map((policy) => policyXml(policy, { withDescription: false }))) + paginationXml(page);
};

export const deletePolicy: IamActionHandler = (call) => {
  const arn = call.params.arn('PolicyArn', 'policyArn');
  call.params.done();
  checkPolicyArn(arn);
  call.authorize(arn);
  call.iam.policies.delete(arn);
  return undefined;
};
