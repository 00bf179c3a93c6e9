'use client';

import { useId, type ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses, FieldFrame, fieldDescriptionIds, type FieldProps } from './field';

type InputProps = Omit<ComponentProps<'input'>, 'children'> & FieldProps;

/** A text input with its visible label, an optional hint and its field errors. */
export function Input({ label, hint, errors, id, className, ...props }: InputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} errors={errors}>
      <input
        id={inputId}
        className={cn(controlClasses, className)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescriptionIds(inputId, hint, errors)}
        {...props}
      />
    </FieldFrame>
  );
}
