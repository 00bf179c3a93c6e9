import { isCommercialRegion, regionLabel } from '@/lib/regions';

/**
 * "US East (Ohio)" for `us-east-2`; undefined for a code we do not know.
 * Kept for existing callers; new code should use `regionLabel` / `regionLabelWithCode` from lib/regions.ts.
 */
export function regionName(code: string): string | undefined {
  return isCommercialRegion(code) ? regionLabel(code) : undefined;
}
