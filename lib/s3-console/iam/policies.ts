import { ListPoliciesCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { ManagedPolicySummary } from '@/lib/queries/iam';
import { collectPages } from './paginate';

const AWS_MANAGED_ARN_PREFIX = /^arn:aws[a-z-]*:iam::aws:policy\//;

/** Every managed policy (AWS-managed and the account's own), customer policies first, then by name. */
export async function listManagedPolicies(iam: IAMClient): Promise<ManagedPolicySummary[]> {
  const policies = await collectPages((Marker) => iam.send(new ListPoliciesCommand({ Scope: 'All', Marker, MaxItems: 1000 })), (page) => page.Policies);
  return policies
    .map((policy) => ({
      name: policy.PolicyName ?? '',
      arn: policy.Arn ?? '',
      awsManaged: AWS_MANAGED_ARN_PREFIX.test(policy.Arn ?? ''),
      description: policy.Description,
    }))
    .sort((a, b) => Number(a.awsManaged) - Number(b.awsManaged) || a.name.localeCompare(b.name));
}
