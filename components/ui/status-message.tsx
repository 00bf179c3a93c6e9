import type { ReactNode } from 'react';
import { cn } from './cn';

/**
 * A polite live region for status messages ("Saved", "Copying 3 of 10…"). Render it always, even when empty,
 * so screen readers notice when its text changes.
 */
export function StatusMessage({ className, children }: { className?: string; children?: ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={cn('text-sm', className)}>
      {children}
    </div>
  );
}
