'use client';

import { useId, type ReactNode } from 'react';

/** A checkbox with its label and an optional hint and errors beneath. */
export function Checkbox({
  label,
  hint,
  checked,
  onChange,
  errors,
  disabled,
}: {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors?: readonly string[];
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-1 size-4"
        checked={checked}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', errors?.length ? `${id}-errors` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-sm font-bold">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-gray-600">
            {hint}
          </p>
        ) : null}
        {errors?.length ? (
          <ul id={`${id}-errors`} className="text-sm text-red-700">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export type RadioOption<V extends string> = { value: V; label: ReactNode; hint?: ReactNode };

/** A radio group in a fieldset whose legend names the choice. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: ReactNode;
  name: string;
  value: V;
  options: readonly RadioOption<V>[];
  onChange: (value: V) => void;
}) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-bold">{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="flex items-start gap-2">
          <input
            id={`${id}-${option.value}`}
            type="radio"
            name={name}
            className="mt-1 size-4"
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <div className="flex flex-col">
            <label htmlFor={`${id}-${option.value}`} className="text-sm">
              {option.label}
            </label>
            {option.hint ? <span className="text-xs text-gray-600">{option.hint}</span> : null}
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** A titled block of a wizard step. */
export function FormSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-xl border border-line bg-white p-4">
      <h3 className="text-base font-bold">{title}</h3>
      {children}
    </section>
  );
}
