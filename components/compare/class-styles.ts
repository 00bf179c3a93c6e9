import type { Tone } from '@/components/ui/badge';
import type { CompareClass } from '@/lib/compare/types';

/** How each class is named and coloured on the page (bar segments and badges agree). */
export const CLASS_STYLES: Record<CompareClass, { label: string; tone: Tone; bar: string }> = {
  replicated: { label: 'Replicated', tone: 'success', bar: 'bg-green-600' },
  pending: { label: 'Pending', tone: 'info', bar: 'bg-sky-500' },
  failed: { label: 'Failed', tone: 'error', bar: 'bg-red-700' },
  'not-replicated': { label: 'Not replicated', tone: 'warning', bar: 'bg-amber-500' },
  'only-in-destination': { label: 'Only in destination', tone: 'neutral', bar: 'bg-gray-500' },
  differs: { label: 'Differs', tone: 'warning', bar: 'bg-purple-600' },
};
