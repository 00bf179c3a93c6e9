import type { IamEntityType } from '../../store/iam-types';
import type { IamActionHandler, IamCall } from '../iam-call';
import { paginate, paginationXml } from '../pagination';
import { checkPolicyArn, validatedDocument } from '../policy-input';
import { attachedPoliciesXml } from '../render';
import { element, encodedDocument, memberList, xmlEscape } from '../xml';
import { entityArn, requireEntity } from './entity-arns';

/**
 * Inline policies (Put/Get/List/Delete{Role,User,Group}Policy) and managed policy attachments
 * (Attach/Detach/ListAttached{Role,User,Group}Policies): the same actions for the three kinds of entity.
 */

interface EntityKind {
  type: IamEntityType;
  /** `Role`, `User`, `Group`: the prefix of the name parameter and of the action names. */
  title: string;
  nameMax: number;
}

const KINDS: readonly EntityKind[] = [
  { type: 'role', title: 'Role', nameMax: 64 },
  { type: 'user', title: 'User', nameMax: 64 },
  { type: 'group', title: 'Group', nameMax: 128 },
];

const POLICY_NAME_MAX = 128;

function entityName(call: IamCall, kind: EntityKind): string {
  return call.params.name(`${kind.title}Name`, `${kind.type}Name`, kind.nameMax);
}

function inlinePolicyActions(kind: EntityKind): Record<string, IamActionHandler> {
  return {
    [`Put${kind.title}Policy`]: (call) => {
      const name = entityName(call, kind);
      const policyName = call.params.name('PolicyName', 'policyName', POLICY_NAME_MAX);
      const document = call.params.document('PolicyDocument', 'policyDocument');
      call.params.done();
      call.authorize(entityArn(call.iam, kind.type, name));
      const entity = requireEntity(call.iam, kind.type, name);
      call.iam.inlinePolicies.put(entity, policyName, validatedDocument(document, 'identity'));
      return undefined;
    },
    [`Get${kind.title}Policy`]: (call) => {
      const name = entityName(call, kind);
      const policyName = call.params.name('PolicyName', 'policyName', POLICY_NAME_MAX);
      call.params.done();
      call.authorize(entityArn(call.iam, kind.type, name));
      const entity = requireEntity(call.iam, kind.type, name);
      const document = call.iam.inlinePolicies.get(entity, policyName);
      return (
        element(`${kind.title}Name`, entity.name) +
        element('PolicyName', policyName) +
        element('PolicyDocument', encodedDocument(document))
      );
    },
    [`List${kind.title}Policies`]: (call) => {
      const name = entityName(call, kind);
      const { marker, maxItems } = call.params.paging();
      call.params.done();
      call.authorize(entityArn(call.iam, kind.type, name));
      const entity = requireEntity(call.iam, kind.type, name);
      const page = paginate(call.iam.inlinePolicies.names(entity), (policyName) => policyName, marker, maxItems);
      return memberList('PolicyNames', page.items.map(xmlEscape)) + paginationXml(page);
    },
    [`Delete${kind.title}Policy`]: (call) => {
      const name = entityName(call, kind);
      const policyName = call.params.name('PolicyName', 'policyName', POLICY_NAME_MAX);
      call.params.done();
      call.authorize(entityArn(call.iam, kind.type, name));
      call.iam.inlinePolicies.delete(requireEntity(call.iam, kind.type, name), policyName);
      return undefined;
    },
  };
}

function attachmentActions(kind: EntityKind): Record<string, IamActionHandler> {
  return {
    [`Attach${kind.title}Policy`]: (call) => {
      const name = entityName(call, kind);
      const arn = call.params.arn('PolicyArn', 'policyArn');
      call.params.done();
      checkPolicyArn(arn);
      call.authorize(entityArn(call.iam, kind.type, name));
      call.iam.policies.attach(requireEntity(call.iam, kind.type, name), arn);
      return undefined;
    },
    [`Detach${kind.title}Policy`]: (call) => {
      const name = entityName(call, kind);
      const arn = call.params.arn('PolicyArn', 'policyArn');
      call.params.done();
      checkPolicyArn(arn);
      call.authorize(entityArn(call.iam, kind.type, name));
      call.iam.policies.detach(requireEntity(call.iam, kind.type, name), arn);
      return undefined;
    },
    [`ListAttached${kind.title}Policies`]: (call) => {
      const name = entityName(call, kind);
      const pathPrefix = call.params.pathPrefix();
      const { marker, maxItems } = call.params.paging();
      call.params.done();
      call.authorize(entityArn(call.iam, kind.type, name));
      const entity = requireEntity(call.iam, kind.type, name);
      const attached = call.iam.policies.attachedTo(entity).filter((policy) => policyPath(policy.arn).startsWith(pathPrefix));
      const page = paginate(attached, (policy) => `${policy.name.toLowerCase()}\u0000${policy.arn}`, marker, maxItems);
      return attachedPoliciesXml(page.items) + paginationXml(page);
    },
  };
}

/** `/service-role/` of `arn:aws:iam::123:policy/service-role/name`. */
function policyPath(arn: string): string {
  const resource = arn.slice(arn.indexOf(':policy') + ':policy'.length);
  return resource.slice(0, resource.lastIndexOf('/') + 1);
}

export const ENTITY_POLICY_ACTIONS: Record<string, IamActionHandler> = Object.assign(
  {},
  ...KINDS.map((kind) => ({ ...inlinePolicyActions(kind), ...attachmentActions(kind) })),
);
