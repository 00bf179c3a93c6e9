'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { BucketReplicationView } from '@/lib/replication-console/views';
import type { useRuleChange } from './use-rule-change';

function initialOrder(view: BucketReplicationView): string[] {
  return [...(view.configuration?.Rules ?? [])].sort((a, b) => (b.Priority ?? 0) - (a.Priority ?? 0)).map((rule) => rule.ID ?? '');
}

/** Reorder the rules, highest priority first; Save renumbers them (the last gets 0). */
export function EditPrioritiesDialog({
  view,
  change,
  onClose,
}: {
  view: BucketReplicationView;
  change: ReturnType<typeof useRuleChange>;
  onClose: () => void;
}) {
  const [order, setOrder] = useState(() => initialOrder(view));
  function move(index: number, by: -1 | 1) {
    setOrder((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title="Edit priorities"
      footer={
        <>
          <Button variant="link" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            pending={change.isPending}
            onClick={() =>
              change.mutate({ kind: 'priorities', bucket: view.bucket, expectedFingerprint: view.fingerprint ?? '', order }, { onSuccess: onClose })
            }
          >
            Save priorities
          </Button>
        </>
      }
    >
      <p className="mb-2">When rules overlap and share a destination, the one higher in this list wins.</p>
      <ol className="space-y-1">
        {order.map((id, index) => (
          <li key={id} className="flex items-center justify-between gap-2 rounded border border-line px-2 py-1">
            <span>
              <span className="font-mono text-gray-600">{order.length - 1 - index}</span> {id}
            </span>
            <span>
              <Button variant="link" aria-label={`Move ${id} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </Button>
              <Button variant="link" aria-label={`Move ${id} down`} disabled={index === order.length - 1} onClick={() => move(index, 1)}>
                ↓
              </Button>
            </span>
          </li>
        ))}
      </ol>
      {change.error ? <p className="mt-2 text-red-700">{change.error.message}</p> : null}
    </Dialog>
  );
}
