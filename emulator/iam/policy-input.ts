import { parsePolicyDocument, type PolicyKind } from '@/lib/iam/policy-document';
import { malformedPolicyDocument, quotaExceeded, validationError } from './iam-error';

/** IAM's quota on a managed policy version's size (characters, whitespace not counted). */
export const MANAGED_POLICY_SIZE_QUOTA = 6144;

/** The document as sent, once IAM's validation accepts it (MalformedPolicyDocument otherwise). */
export function validatedDocument(text: string, kind: PolicyKind): string {
  const parsed = parsePolicyDocument(text, kind);
  if (!parsed.ok) throw malformedPolicyDocument(parsed.error.message);
  return text;
}

export function checkManagedPolicySize(text: string): void {
  if (text.replace(/\s/g, '').length > MANAGED_POLICY_SIZE_QUOTA) throw quotaExceeded('PolicySize', MANAGED_POLICY_SIZE_QUOTA);
}

/** A policy ARN must at least parse as an ARN (`arn:partition:service:region:account:resource`). */
export function checkPolicyArn(arn: string): void {
  if (arn.split(':').length < 6 || !arn.startsWith('arn:')) throw validationError('Invalid ARN:  Could not be parsed!');
}
