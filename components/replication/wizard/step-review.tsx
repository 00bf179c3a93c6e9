'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { KeyValueList } from '@/components/ui/key-value-list';
import { Spinner } from '@/components/ui/spinner';
import { savePlanQuery } from '@/lib/queries/replication';
import { describeRuleScope } from '@/lib/replication/evaluate';
import { buildRule } from '@/lib/replication-console/build-rule';
import type { RuleInput } from '@/lib/replication-console/rule-input';
import type { SavePlan } from '@/lib/replication-console/save-plan';
import { FormSection } from '../choice';
import { regionLabelWithCode } from '@/lib/regions';
import { RefusalAlert, type RefusalHandlers } from './refusal-alert';
import { SaveProgress } from './save-progress';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const onOff = (on: boolean) => (on ? 'Enabled' : 'Disabled');

function Choices({ input, plan }: { input: RuleInput; plan: SavePlan }) {
  const rule = buildRule(input);
  const destination = plan.destination;
  return (
    <KeyValueList
      items={[
        { key: 'source', label: 'Source', value: `${plan.source.name} (${regionLabelWithCode(plan.source.region)})` },
        { key: 'scope', label: 'Scope', value: describeRuleScope(rule) },
        { key: 'kms', label: 'Replicate objects encrypted with AWS KMS', value: input.replicateKmsObjects ? `Yes, replicas encrypted with ${input.replicaKmsKeyId}` : 'No' },
        {
          key: 'destination',
          label: 'Destination',
          value:
            destination.exists === true
              ? `${destination.name} (${regionLabelWithCode(destination.region)})`
              : `${destination.name} in account ${destination.accountId}`,
        },
        {
          key: 'kind',
          label: 'Replication',
          value: plan.crossRegion === null ? 'Regions unknown (another account)' : plan.crossRegion ? 'Cross-Region (CRR)' : 'Same-Region (SRR)',
        },
        { key: 'class', label: 'Storage class', value: input.storageClass ?? 'Same as the source object' },
        { key: 'owner', label: 'Replica owner', value: input.ownerOverride ? 'Destination bucket owner' : 'Same as the source object' },
        { key: 'dm', label: 'Delete marker replication', value: onOff(input.deleteMarkerReplication) },
        { key: 'sync', label: 'Replica modification sync', value: onOff(input.replicaModificationSync) },
        { key: 'rtc', label: 'Replication Time Control', value: onOff(input.replicationTimeControl) },
        { key: 'metrics', label: 'Replication metrics', value: onOff(input.replicationMetrics) },
        { key: 'role', label: 'IAM role', value: plan.role.arn },
        { key: 'name', label: 'Rule name', value: input.ruleName },
        { key: 'status', label: 'Status', value: input.status },
        { key: 'priority', label: 'Priority', value: String(input.priority) },
      ]}
    />
  );
}

function RoleChanges({ plan }: { plan: SavePlan }) {
  const role = plan.role;
  if (role.kind === 'new') {
    return (
      <div className="space-y-2 text-sm">
        <p>
          {role.exists ? (
            <>
              Role <strong>{role.name}</strong> exists already and S3 may assume it: it is reused.
              {role.writesPolicy ? ` Its inline policy ${role.policyName} is rewritten to the policy below.` : ' It already has these permissions.'}
            </>
          ) : (
            <>
              Create role <strong>{role.name}</strong> (path {role.path}) with an inline permission policy <strong>{role.policyName}</strong>,
              limited to these buckets and this scope.
            </>
          )}
        </p>
        <h4 className="font-bold">Trust policy</h4>
        <CodeBlock code={json(role.trustPolicy)} copyLabel="Copy trust policy" />
        <h4 className="font-bold">Permission policy</h4>
        <CodeBlock code={json(role.permissionPolicy)} copyLabel="Copy permission policy" />
      </div>
    );
  }
  return (
    <div className="space-y-2 text-sm">
      <p>
        Use the existing role <strong>{role.name}</strong>.
      </p>
      {role.missingPermissions.length === 0 ? (
        <p>It already allows everything this configuration needs.</p>
      ) : role.addMissingPermissions ? (
        <>
          <p>
            Save adds these statements to it as the inline policy <strong>{role.policyName}</strong>:
          </p>
          <CodeBlock code={json({ Version: '2012-10-17', Statement: role.missingStatements })} copyLabel="Copy missing statements" />
        </>
      ) : (
        <p>It lacks {role.missingPermissions.length} permission(s); Save leaves the role as it is.</p>
      )}
    </div>
  );
}

export function StepReview({
  input,
  onSaved,
  ...handlers
}: {
  input: RuleInput;
  onSaved: (plan: SavePlan) => void;
} & RefusalHandlers) {
  const planQuery = useQuery({ ...savePlanQuery(input), refetchOnWindowFocus: false });
  if (planQuery.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm">
        <Spinner label={null} /> Checking your choices against the buckets and IAM…
      </p>
    );
  }
  if (planQuery.isError) {
    return (
      <Alert tone="error" title="Could not check your choices" action={<Button onClick={() => void planQuery.refetch()}>Try again</Button>}>
        {planQuery.error.message}
      </Alert>
    );
  }
  const result = planQuery.data;
  if (!result.ok) return <RefusalAlert refusal={result.refusal} {...handlers} />;
  const plan = result.plan;
  return (
    <div className="space-y-4">
      <FormSection title="Your choices">
        <Choices input={input} plan={plan} />
      </FormSection>
      {plan.warnings.map((warning) => (
        <Alert key={warning} tone="warning" title="Check before saving">
          {warning}
        </Alert>
      ))}
      <FormSection title="What Save will change">
        <h4 className="text-sm font-bold">Versioning</h4>
        {plan.versioningToEnable.length === 0 ? (
          <p className="text-sm">Versioning is already enabled where needed.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {plan.versioningToEnable.map((change) => (
              <li key={change.bucket}>
                Enable versioning on <strong>{change.bucket}</strong> (now {change.from === 'Suspended' ? 'suspended' : 'never enabled'})
              </li>
            ))}
          </ul>
        )}
        <h4 className="text-sm font-bold">IAM role</h4>
        <RoleChanges plan={plan} />
        <h4 className="text-sm font-bold">
          Replication configuration of {plan.source.name} after saving ({plan.nextConfiguration.Rules.length} rule
          {plan.nextConfiguration.Rules.length === 1 ? '' : 's'}; other rules are kept)
        </h4>
        <CodeBlock code={json(plan.nextConfiguration)} copyLabel="Copy replication configuration" />
        {plan.destinationBucketPolicy ? (
          <>
            <h4 className="text-sm font-bold">Bucket policy the destination account must apply to {plan.destination.name}</h4>
            <CodeBlock code={json(plan.destinationBucketPolicy)} copyLabel="Copy destination bucket policy" />
          </>
        ) : null}
      </FormSection>
      <FormSection title="Save">
        <SaveProgress plan={plan} input={input} onSaved={() => onSaved(plan)} {...handlers} />
      </FormSection>
    </div>
  );
}
