'use client';

import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { formatUtcDateTime } from '@/components/format-date';
import { KeyValueList, type KeyValueItem } from '@/components/ui/key-value-list';
import type { ActionResult } from '@/lib/actions/result';
import { DeleteEntityButton } from './delete-entity-button';
import { DeletionSteps } from './deletion-steps';
import { capitalizedKind, entityListHref, type IamEntityKind } from './entity-kind';
import { LoadState } from './load-state';

/** How one kind of entity is deleted: the server action, the queries to refresh after, and what the confirmation explains. */
export type EntityDeletion<Entity> = {
  action: (name: string) => Promise<ActionResult<{ steps: string[] }>>;
  invalidates: QueryKey;
  plan: (entity: Entity) => ReactNode;
};

type Props<Entity extends { name: string }, Key extends QueryKey> = {
  kind: IamEntityKind;
  name: string;
  query: UseQueryOptions<Entity, Error, Entity, Key>;
  facts: (entity: Entity) => KeyValueItem[];
  deletion: EntityDeletion<Entity>;
  /** The sections below the facts. */
  children: (entity: Entity) => ReactNode;
};

/** A detail page's body for a user, group or role: loading state, facts beside the delete button, sections, and what a delete did. */
export function IamEntityDetails<Entity extends { name: string }, Key extends QueryKey>({
  kind,
  name,
  query,
  facts,
  deletion,
  children,
}: Props<Entity, Key>) {
  const [deletedSteps, setDeletedSteps] = useState<string[] | undefined>();
  // Once deleted, the entity is gone: reading it again would only show a NoSuchEntity error.
  const { data, error, isPending } = useQuery({ ...query, enabled: deletedSteps === undefined });
  if (deletedSteps) {
    return (
      <div className="space-y-3">
        <DeletionSteps title={`${capitalizedKind(kind)} ${name} deleted`} steps={deletedSteps} />
        <Link href={entityListHref(kind)}>{`Back to ${kind}s`}</Link>
      </div>
    );
  }
  if (!data) return <LoadState what={`${kind} ${name}`} isPending={isPending} error={error} />;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <KeyValueList items={facts(data)} />
        <DeleteEntityButton
          kind={kind}
          name={data.name}
          deleteEntity={deletion.action}
          invalidates={deletion.invalidates}
          onDeleted={setDeletedSteps}
        >
          {deletion.plan(data)}
        </DeleteEntityButton>
      </div>
      {children(data)}
    </div>
  );
}

export function arnFact(arn: string): KeyValueItem {
  return { key: 'arn', label: 'ARN', value: <span className="font-mono">{arn}</span> };
}

export function createdFact(createDate: string | undefined): KeyValueItem {
  return { key: 'created', label: 'Created', value: createDate ? formatUtcDateTime(createDate) : '—' };
}
