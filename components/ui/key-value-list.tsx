import type { ReactNode } from 'react';

export type KeyValueItem = { key: string; label: ReactNode; value: ReactNode };

/** Label/value pairs, as the AWS console shows a resource's properties. */
export function KeyValueList({ items }: { items: readonly KeyValueItem[] }) {
  return (
    <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-[max-content_1fr]">
      {items.map((item) => (
        <div key={item.key} className="contents">
          <dt className="text-sm font-bold text-gray-700">{item.label}</dt>
          <dd className="min-w-0 text-sm break-all">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
