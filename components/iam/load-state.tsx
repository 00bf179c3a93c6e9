import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';

/** What a read shows before it has data: a spinner, or the error IAM gave. */
export function LoadState({ what, isPending, error }: { what: string; isPending: boolean; error: Error | null }) {
  if (error) {
    return (
      <Alert tone="error" title={`Could not load ${what}`}>
        <p>{error.message}</p>
      </Alert>
    );
  }
  if (isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-gray-700">
        <Spinner label={null} /> Loading {what}…
      </p>
    );
  }
  return null;
}
