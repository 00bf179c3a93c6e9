'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { describeRuleScope } from '@/lib/replication/evaluate';
import { ruleDestinationBucketName } from '@/lib/replication/rule-shape';
import type { ReplicationRule } from '@/lib/replication/schema';
import type { BucketReplicationView } from '@/lib/replication-console/views';
import { compareHref, replicaOwnerLabel, ruleOptionLabels } from './rule-options';
import type { useRuleChange } from './use-rule-change';

type RuleChangeMutation = ReturnType<typeof useRuleChange>;

function RuleRow({
  rule,
  view,
  change,
  onDelete,
}: {
  rule: ReplicationRule;
  view: BucketReplicationView;
  change: RuleChangeMutation;
  onDelete: (rule: ReplicationRule) => void;
}) {
  const id = rule.ID ?? '';
  const fingerprint = view.fingerprint ?? '';
  const enabled = rule.Status === 'Enabled';
  const options = ruleOptionLabels(rule);
  return (
    <Tr>
      <Th scope="row" className="align-top">
        {id}
      </Th>
      <Td>
        <div className="flex flex-col items-start gap-1 whitespace-nowrap">
          <Link
            className={buttonClasses('link')}
            href={`/replication/edit?${new URLSearchParams({ bucket: view.bucket, rule: id })}`}
            aria-label={`Edit rule ${id}`}
          >
            Edit
          </Link>
          <Button
            variant="link"
            aria-label={`${enabled ? 'Disable' : 'Enable'} rule ${id}`}
            disabled={change.isPending}
            onClick={() =>
              change.mutate({ kind: 'status', bucket: view.bucket, expectedFingerprint: fingerprint, ruleId: id, status: enabled ? 'Disabled' : 'Enabled' })
            }
          >
            {enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button variant="link" aria-label={`Delete rule ${id}`} disabled={change.isPending} onClick={() => onDelete(rule)}>
            Delete
          </Button>
          <Link className={buttonClasses('link')} href={compareHref(view.bucket, id)} aria-label={`Replicate existing objects for rule ${id}`}>
            Replicate existing objects
          </Link>
        </div>
      </Td>
      <Td>
        <Badge tone={enabled ? 'success' : 'neutral'}>{rule.Status}</Badge>
      </Td>
      <Td>{rule.Priority ?? '—'}</Td>
      <Td>{describeRuleScope(rule)}</Td>
      <Td>{ruleDestinationBucketName(rule)}</Td>
      <Td>{rule.Destination.StorageClass ?? 'Same as source'}</Td>
      <Td>{replicaOwnerLabel(rule)}</Td>
      <Td>{options.length > 0 ? options.join(', ') : '—'}</Td>
    </Tr>
  );
}

/** The bucket's rules with their actions; Delete asks first (deleting the last rule deletes the configuration). */
export function RulesTable({ view, change }: { view: BucketReplicationView; change: RuleChangeMutation }) {
  const [deleting, setDeleting] = useState<ReplicationRule | null>(null);
  const rules = view.configuration?.Rules ?? [];
  const last = rules.length === 1;
  return (
    <>
      <Table caption={`Replication rules (${rules.length})`}>
        <THead>
          <Tr>
            <Th>Replication rule name</Th>
            <Th>Actions</Th>
            <Th>Status</Th>
            <Th>Priority</Th>
            <Th>Scope</Th>
            <Th>Destination bucket</Th>
            <Th>Storage class</Th>
            <Th>Replica owner</Th>
            <Th>Options</Th>
          </Tr>
        </THead>
        <TBody>
          {[...rules]
            .sort((a, b) => (b.Priority ?? 0) - (a.Priority ?? 0))
            .map((rule) => (
              <RuleRow key={rule.ID} rule={rule} view={view} change={change} onDelete={setDeleting} />
            ))}
        </TBody>
      </Table>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete rule ${deleting?.ID ?? ''}?`}
        confirmLabel="Delete rule"
        danger
        pending={change.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          change.mutate(
            { kind: 'delete', bucket: view.bucket, expectedFingerprint: view.fingerprint ?? '', ruleId: deleting.ID ?? '' },
            { onSettled: () => setDeleting(null) },
          );
        }}
      >
        {last
          ? 'It is the last rule: the bucket’s whole replication configuration is deleted. Objects already replicated stay in the destination.'
          : 'New objects will no longer be replicated by this rule. The other rules are kept. Objects already replicated stay in the destination.'}
      </ConfirmDialog>
    </>
  );
}
