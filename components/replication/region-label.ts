import { regionName } from '@/components/buckets/region-names';

/** "Asia Pacific (Mumbai) ap-south-1" as plain text (for options and summaries). */
export function regionLabel(code: string): string {
  const name = regionName(code);
  return name ? `${name} ${code}` : code;
}
