'use client';

import { useQuery } from '@tanstack/react-query';
import { Select } from '@/components/ui/select';
import { bucketsQuery } from '@/lib/queries/buckets';
import type { CompareTarget } from '@/lib/queries/compare';
import { bucketReplicationQuery } from '@/lib/queries/replication';

/** Source bucket, then one of its rules or any other bucket, and current objects vs all versions. */
export function TargetPicker({ target, onChange }: { target: Partial<CompareTarget>; onChange: (target: Partial<CompareTarget>) => void }) {
  const buckets = useQuery(bucketsQuery());
  const replication = useQuery({ ...bucketReplicationQuery(target.source ?? ''), enabled: Boolean(target.source) });
  const names = (buckets.data?.buckets ?? []).map((bucket) => bucket.name);
  const rules = replication.data?.configuration?.Rules ?? [];
  const against = target.rule ? `rule:${target.rule}` : target.destination ? `bucket:${target.destination}` : '';
  const mode = target.mode ?? 'current';

  function chooseAgainst(value: string) {
    const base = { source: target.source, mode };
    if (value.startsWith('rule:')) onChange({ ...base, rule: value.slice(5) });
    else if (value.startsWith('bucket:')) onChange({ ...base, destination: value.slice(7) });
    else onChange(base);
  }

  return (
    <form className="grid gap-4 rounded-xl border border-line bg-white p-4 md:grid-cols-3" onSubmit={(event) => event.preventDefault()} aria-label="What to compare">
      <Select
        label="Source bucket"
        value={target.source ?? ''}
        placeholder="Choose a bucket"
        options={names.map((name) => ({ value: name, label: name }))}
        onChange={(event) => onChange({ source: event.target.value || undefined, mode })}
      />
      <Select
        label="Compare with"
        hint="A replication rule (its destination and scope), or any other bucket."
        value={against}
        placeholder={target.source ? 'Choose a rule or bucket' : 'Choose a source first'}
        disabled={!target.source}
        options={[
          ...rules.map((rule) => ({
            value: `rule:${rule.ID ?? ''}`,
            label: `Rule ${rule.ID ?? '(no ID)'} → ${rule.Destination.Bucket.replace(/^arn:aws[\w-]*:s3:::/, '')}${rule.Status === 'Disabled' ? ' (disabled)' : ''}`,
            disabled: !rule.ID,
          })),
          ...names.filter((name) => name !== target.source).map((name) => ({ value: `bucket:${name}`, label: `Bucket ${name}` })),
        ]}
        onChange={(event) => chooseAgainst(event.target.value)}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-bold text-gray-900">Compare</legend>
        {(['current', 'versions'] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="compare-mode" value={value} checked={mode === value} onChange={() => onChange({ ...target, mode: value })} />
            {value === 'current' ? 'Current objects' : 'All versions and delete markers'}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
