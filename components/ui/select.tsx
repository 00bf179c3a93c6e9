'use client';

import { useId, type ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses, FieldFrame, fieldDescriptionIds, type FieldProps } from './field';

export type SelectOption = { value: string; label: string; disabled?: boolean };

type SelectProps = Omit<ComponentProps<'select'>, 'children'> &
  FieldProps & {
    options: readonly SelectOption[];
    /** A first, empty choice such as "Choose a region". */
    placeholder?: string;
  };

/** A native select with its visible label, an optional hint and its field errors. */
export function Select({ label, hint, errors, id, options, placeholder, className, ...props }: SelectProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} errors={errors}>
      <select
        id={selectId}
        className={cn(controlClasses, className)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescriptionIds(selectId, hint, errors)}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
