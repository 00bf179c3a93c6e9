import { Badge, type Tone } from '@/components/ui/badge';
import type { VersioningState } from '@/lib/queries/buckets';

const presentation: Record<VersioningState, { label: string; tone: Tone }> = {
  Enabled: { label: 'Enabled', tone: 'success' },
  Suspended: { label: 'Suspended', tone: 'warning' },
  NeverEnabled: { label: 'Never enabled', tone: 'neutral' },
  Unknown: { label: 'Unknown (access denied)', tone: 'neutral' },
};

export function VersioningBadge({ state }: { state: VersioningState }) {
  const { label, tone } = presentation[state];
  return <Badge tone={tone}>{label}</Badge>;
}
