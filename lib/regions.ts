/**
 * Commercial AWS Regions (partition `aws`) with the names the AWS console shows
 * (botocore's endpoints.json, which spells "Sao Paulo" without the accent the console uses).
 */
export const COMMERCIAL_REGIONS = [
  { code: 'us-east-1', name: 'US East (N. Virginia)' },
  { code: 'us-east-2', name: 'US East (Ohio)' },
  { code: 'us-west-1', name: 'US West (N. California)' },
  { code: 'us-west-2', name: 'US West (Oregon)' },
  { code: 'af-south-1', name: 'Africa (Cape Town)' },
  { code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
  { code: 'ap-east-2', name: 'Asia Pacific (Taipei)' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { code: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
  { code: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)' },
  { code: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)' },
  { code: 'ap-southeast-6', name: 'Asia Pacific (New Zealand)' },
  { code: 'ap-southeast-7', name: 'Asia Pacific (Thailand)' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
  { code: 'ca-central-1', name: 'Canada (Central)' },
  { code: 'ca-west-1', name: 'Canada West (Calgary)' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { code: 'eu-central-2', name: 'Europe (Zurich)' },
  { code: 'eu-west-1', name: 'Europe (Ireland)' },
  { code: 'eu-west-2', name: 'Europe (London)' },
  { code: 'eu-west-3', name: 'Europe (Paris)' },
  { code: 'eu-south-1', name: 'Europe (Milan)' },
  { code: 'eu-south-2', name: 'Europe (Spain)' },
  { code: 'eu-north-1', name: 'Europe (Stockholm)' },
  { code: 'il-central-1', name: 'Israel (Tel Aviv)' },
  { code: 'me-south-1', name: 'Middle East (Bahrain)' },
  { code: 'me-central-1', name: 'Middle East (UAE)' },
  { code: 'mx-central-1', name: 'Mexico (Central)' },
  { code: 'sa-east-1', name: 'South America (São Paulo)' },
] as const;

export type CommercialRegionCode = (typeof COMMERCIAL_REGIONS)[number]['code'];

const NAMES: ReadonlyMap<string, string> = new Map(COMMERCIAL_REGIONS.map((r) => [r.code, r.name]));

export function isCommercialRegion(code: string): code is CommercialRegionCode {
  return NAMES.has(code);
}

/** "US East (Ohio)" for `us-east-2`; an unknown code is returned as it is. */
export function regionLabel(code: string): string {
  return NAMES.get(code) ?? code;
}

/** "US East (Ohio) us-east-2", as the console lists Regions. */
export function regionLabelWithCode(code: string): string {
  const name = NAMES.get(code);
  return name ? `${name} ${code}` : code;
}

/**
 * A bucket's Region from GetBucketLocation's LocationConstraint: empty/absent means us-east-1 and the
 * legacy `EU` means eu-west-1.
 */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** Cross-Region (CRR) vs same-Region (SRR) replication between two buckets' Regions (location constraints accepted). */
export function isCrossRegion(a: string | null | undefined, b: string | null | undefined): boolean {
  return regionFromLocationConstraint(a) !== regionFromLocationConstraint(b);
}
