import type { ReactNode } from 'react';
import type { Tone } from './badge';
import { cn } from './cn';

type AlertTone = Exclude<Tone, 'neutral'>;

const toneClasses: Record<AlertTone, string> = {
  info: 'border-sky-600 bg-sky-50',
  success: 'border-green-700 bg-green-50',
  warning: 'border-amber-600 bg-amber-50',
  error: 'border-red-700 bg-red-50',
};

const toneNames: Record<AlertTone, string> = { info: 'Information', success: 'Success', warning: 'Warning', error: 'Error' };

/**
 * A boxed message. Errors use role="alert" so they are announced when they appear; put other dynamic messages in a
 * StatusMessage region instead.
 */
export function Alert({
  tone = 'info',
  title,
  action,
  className,
  children,
}: {
  tone?: AlertTone;
  title: ReactNode;
  action?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div role={tone === 'error' ? 'alert' : undefined} className={cn('flex gap-4 rounded-xl border-2 px-4 py-3 text-sm', toneClasses[tone], className)}>
      <div className="flex-1 space-y-1">
        <p className="font-bold">
          <span className="sr-only">{toneNames[tone]}: </span>
          {title}
        </p>
        {children ? <div className="space-y-2 text-gray-900">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-start">{action}</div> : null}
    </div>
  );
}
