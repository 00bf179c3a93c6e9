'use client';

import { useId, type ComponentProps, type ReactNode } from 'react';

/** A checkbox with its visible label and an optional hint under it. */
export function CheckboxField({ label, hint, ...props }: Omit<ComponentProps<'input'>, 'type' | 'id'> & { label: ReactNode; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" className="mt-1 size-4" aria-describedby={hint ? `${id}-hint` : undefined} {...props} />
      <div>
        <label htmlFor={id} className="text-sm font-bold text-gray-900">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-gray-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
