import { Button } from '@/components/ui/button';

/** Previous / next through continuation tokens: S3 pages only forward, so earlier tokens are kept by the caller. */
export function PageNavigation({
  page,
  hasNext,
  onPrevious,
  onNext,
  label,
}: {
  /** 1-based. */
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  label: string;
}) {
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-3 text-sm">
      <Button onClick={onPrevious} disabled={page <= 1}>
        Previous page
      </Button>
      <span>Page {page}</span>
      <Button onClick={onNext} disabled={!hasNext}>
        Next page
      </Button>
    </nav>
  );
}
