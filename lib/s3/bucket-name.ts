/**
 * S3 general purpose bucket naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
 * Returns every violated rule, empty when the name is valid.
 */
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const;
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] as const;

export function validateBucketName(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63) problems.push('Bucket name must be between 3 and 63 characters long.');
  if (!/^[a-z0-9.-]*$/.test(name)) {
    problems.push('Bucket name can consist only of lowercase letters, numbers, periods (.), and hyphens (-).');
  }
  if (name.length > 0 && !/^[a-zA-Z0-9](?:.*[a-zA-Z0-9])?$/s.test(name)) {
    problems.push('Bucket name must begin and end with a letter or number.');
  }
  if (name.includes('..')) problems.push('Bucket name must not contain two adjacent periods.');
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) {
    problems.push('Bucket name must not be formatted as an IP address (for example, 192.168.5.4).');
  }
  for (const prefix of RESERVED_PREFIXES) {
    if (name.startsWith(prefix)) problems.push(`Bucket name must not start with the prefix "${prefix}".`);
  }
  for (const suffix of RESERVED_SUFFIXES) {
    if (name.endsWith(suffix)) problems.push(`Bucket name must not end with the suffix "${suffix}".`);
  }
  return problems;
}

export function isValidBucketName(name: string): boolean {
  return validateBucketName(name).length === 0;
}

const BUCKET_ARN_PREFIX = 'arn:aws:s3:::';

/** `arn:aws:s3:::name` → `name`; undefined when the ARN is not a plain bucket ARN. */
export function bucketNameFromArn(arn: string): string | undefined {
  if (!arn.startsWith(BUCKET_ARN_PREFIX)) return undefined;
  const name = arn.slice(BUCKET_ARN_PREFIX.length);
  return name.length > 0 && !name.includes('/') ? name : undefined;
}

export function bucketArn(name: string): string {
  return `${BUCKET_ARN_PREFIX}${name}`;
}
