import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

/** A data table with a caption (visible or for screen readers only); scrolls sideways on narrow screens. */
export function Table({
  caption,
  captionHidden = false,
  className,
  children,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn('overflow-x-auto rounded-xl border border-line bg-white', className)}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className={cn('px-4 py-2 text-left font-bold', captionHidden && 'sr-only')}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="border-b-2 border-line bg-gray-50 text-gray-700">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-gray-200">{children}</tbody>;
}

export function Tr({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cn('hover:bg-gray-50', className)} {...props} />;
}

export function Th({ className, scope = 'col', ...props }: ComponentProps<'th'>) {
  return <th scope={scope} className={cn('px-4 py-2 font-bold whitespace-nowrap', className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-2 align-top', className)} {...props} />;
}
