import { Alert } from '@/components/ui/alert';
import { isActionError } from '@/lib/actions/client';

/** A failed IAM change, as IAM explained it (EntityAlreadyExists, DeleteConflict, …), next to the control. */
export function MutationError({ title, error }: { title: string; error: Error | null }) {
  if (!error) return null;
  if (isActionError(error) && error.code === 'InvalidInput') return null;
  return (
    <Alert tone="error" title={title}>
      <p>
        {error.message}
        {isActionError(error) ? <span className="text-gray-700"> ({error.code.replace(/Exception$/, '')})</span> : null}
      </p>
    </Alert>
  );
}

export function fieldErrors(error: Error | null, field: string): string[] | undefined {
  return isActionError(error) ? error.fieldErrors[field] : undefined;
}
