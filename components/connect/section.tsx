import type { ReactNode } from 'react';

/** A titled white panel, like the AWS console's containers. */
export function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-xl border border-line bg-white p-5">
      <div className="space-y-1">
        <h2 id={id} className="text-lg font-bold">
          {title}
        </h2>
        {description ? <div className="text-sm text-gray-700">{description}</div> : null}
      </div>
      {children}
    </section>
  );
}
