import { Spinner } from '@/components/ui/spinner';

/** The body of a segment's loading.tsx. */
export function PageLoading({ what }: { what: string }) {
  return (
    <div className="flex items-center gap-2 py-10 text-sm text-gray-700">
      <Spinner label={null} />
      <p role="status" aria-live="polite">
        Loading {what}…
      </p>
    </div>
  );
}
