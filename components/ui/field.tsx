import type { ReactNode } from 'react';

/** Label, hint and error list shared by Input and Select; `errors` are shown and linked with aria-describedby. */
export type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
};

export function fieldDescriptionIds(id: string, hint: ReactNode, errors: readonly string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, errors?.length ? `${id}-errors` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldFrame({ id, label, hint, errors, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-bold text-gray-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <ul id={`${id}-errors`} className="text-sm text-red-700">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export const controlClasses =
  'rounded-lg border-2 border-gray-400 bg-white px-3 py-1.5 text-sm text-gray-900 aria-invalid:border-red-700 disabled:bg-gray-100';
