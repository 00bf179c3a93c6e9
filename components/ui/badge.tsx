import type { ReactNode } from 'react';
import { cn } from './cn';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

const toneClasses: Record<Tone, string> = {
  neutral: 'bg-gray-100 text-gray-800 border-gray-300',
  info: 'bg-sky-50 text-sky-900 border-sky-300',
  success: 'bg-green-50 text-green-900 border-green-400',
  warning: 'bg-amber-50 text-amber-900 border-amber-400',
  error: 'bg-red-50 text-red-900 border-red-400',
};

export function Badge({ tone = 'neutral', className, children }: { tone?: Tone; className?: string; children: ReactNode }) {
  return (
    <span className={cn('inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-bold', toneClasses[tone], className)}>
      {children}
    </span>
  );
}
