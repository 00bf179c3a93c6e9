'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { StatusMessage } from '@/components/ui/status-message';
import { scopePreviewQuery } from '@/lib/queries/replication';
import type { TagRow } from '@/lib/replication-console/rule-input';

function describe(matched: number, examined: number, sampled: boolean, tagCheckLimit: number | null): string {
  const one = matched === 1;
  const objects = `${matched.toLocaleString('en-US')} current object${one ? '' : 's'}`;
  const verb = one ? 'matches' : 'match';
  if (!sampled) return `${objects} in the bucket ${verb} this scope today.`;
  const what = tagCheckLimit === null ? `the first ${examined.toLocaleString('en-US')} keys` : `the first ${examined} keys (tags are read per object)`;
  return `${objects} ${verb} among ${what}; the bucket holds more, so this is a sample.`;
}

/** `value` once it has stopped changing for `delayMs`, so typing a prefix does not send a request per key. */
function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** Live count of the objects a scope matches now, with the reminder that the rule will not copy them. */
export function ScopePreview({ bucket, prefix, tags }: { bucket: string; prefix: string; tags: TagRow[] }) {
  const complete = JSON.stringify(tags.filter((tag) => tag.key !== ''));
  const settledPrefix = useSettledValue(prefix, 300);
  const settledTags = useSettledValue(complete, 300);
  const query = useQuery({
    ...scopePreviewQuery(bucket, settledPrefix, JSON.parse(settledTags) as TagRow[]),
    enabled: bucket !== '',
    placeholderData: (previous) => previous,
  });
  return (
    <div className="space-y-1 rounded-lg bg-gray-50 p-3 text-sm">
      <StatusMessage>
        {query.isPending ? (
          <span className="inline-flex items-center gap-2">
            <Spinner label={null} /> Counting matching objects…
          </span>
        ) : query.isError ? (
          `Could not count the matching objects: ${query.error.message}`
        ) : (
          describe(query.data.matched, query.data.examined, query.data.sampled, query.data.tagCheckLimit)
        )}
      </StatusMessage>
      <p className="text-gray-700">
        Objects already in the bucket are not replicated by the rule itself: only objects written after you save it are. You
        can copy the existing ones afterwards with <strong>Replicate existing objects</strong>.
      </p>
    </div>
  );
}
