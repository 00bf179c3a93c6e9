/**
 * S3 tag set rules (object tagging: at most 10 tags; bucket tagging: at most 50).
 * Messages follow S3's InvalidTag texts where known.
 */
export interface S3Tag {
  Key: string;
  Value: string;
}

export type TagTarget = 'object' | 'bucket';

export const TAG_LIMITS = { object: 10, bucket: 50, keyLength: 128, valueLength: 256 } as const;

export interface TagIssue {
  /** Index of the offending tag, or undefined for set-level problems. */
  index?: number;
  code: 'InvalidTag' | 'BadRequest';
  message: string;
}

// Letters, numbers, spaces representable in UTF-8, and + - = . _ : / @
const ALLOWED_TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Length in characters as S3 counts them (Unicode code points). */
function characterLength(value: string): number {
  return Array.from(value).length;
}

export function validateTagKey(key: string): string[] {
  const problems: string[] = [];
  if (key.length === 0) problems.push('The TagKey you have provided is invalid');
  if (characterLength(key) > TAG_LIMITS.keyLength) problems.push('The TagKey you have provided is too long, max 128');
  if (!ALLOWED_TAG_CHARACTERS.test(key)) problems.push('The TagKey you have provided is invalid');
  if (key.toLowerCase().startsWith('aws:')) problems.push('Your TagKey cannot be prefixed with aws:');
  return [...new Set(problems)];
}

export function validateTagValue(value: string): string[] {
  const problems: string[] = [];
  if (characterLength(value) > TAG_LIMITS.valueLength) problems.push('The TagValue you have provided is too long, max 256');
  if (!ALLOWED_TAG_CHARACTERS.test(value)) problems.push('The TagValue you have provided is invalid');
  return problems;
}

export function validateTagSet(tags: readonly S3Tag[], target: TagTarget): TagIssue[] {
  const issues: TagIssue[] = [];
  const limit = TAG_LIMITS[target];
  if (tags.length > limit) {
    issues.push({ code: 'BadRequest', message: `${target === 'object' ? 'Object' : 'Bucket'} tags cannot be greater than ${limit}` });
  }
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    for (const message of [...validateTagKey(tag.Key), ...validateTagValue(tag.Value)]) {
      issues.push({ index, code: 'InvalidTag', message });
    }
    if (seen.has(tag.Key)) issues.push({ index, code: 'InvalidTag', message: 'Cannot provide multiple Tags with the same key' });
    seen.add(tag.Key);
  });
  return issues;
}
