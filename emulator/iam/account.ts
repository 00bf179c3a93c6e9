/**
 * NOTE: the endpoint has exactly one AWS account; its id is fixed so that ARNs are stable across restarts and
 * predictable in tests (AWS's documentation uses 123456789012; we use the all-zero id LocalStack and moto use).
 */
export const ACCOUNT_ID = '000000000000';

export const ROOT_ARN = `arn:aws:iam::${ACCOUNT_ID}:root`;

export type IamResourceKind = 'user' | 'group' | 'role' | 'policy' | 'instance-profile';

/** `arn:aws:iam::<account>:<kind><path><name>`; `path` starts and ends with '/'. */
export function iamArn(kind: IamResourceKind, path: string, name: string): string {
  return `arn:aws:iam::${ACCOUNT_ID}:${kind}${path}${name}`;
}

/** The ARN of an AWS managed policy, e.g. `arn:aws:iam::aws:policy/AdministratorAccess`. */
export function awsManagedPolicyArn(path: string, name: string): string {
  return `arn:aws:iam::aws:policy${path}${name}`;
}
