import type { SelectOption } from '@/components/ui/select';
import { COMMERCIAL_REGIONS, regionLabelWithCode } from '@/lib/regions';

/** "US East (Ohio) us-east-2" options for the region picker: every commercial region. */
export const REGION_OPTIONS: readonly SelectOption[] = COMMERCIAL_REGIONS.map((region) => ({
  value: region.code,
  label: regionLabelWithCode(region.code),
}));
