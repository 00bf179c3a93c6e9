/**
 * IAM policy documents: the JSON shape, and parsing + validation with IAM's MalformedPolicyDocument texts
 * ("This policy contains invalid Json" and "Has prohibited field Resource" are observed on AWS; the other
 * texts follow moto's IAM validator, which mirrors AWS).
 */
export type OneOrMany<T> = T | T[];

export type PolicyEffect = 'Allow' | 'Deny';

/** `"*"` or e.g. `{ "Service": "s3.amazonaws.com" }`, `{ "AWS": ["arn:aws:iam::111122223333:root"] }`. */
export type PolicyPrincipal = '*' | Partial<Record<PrincipalType, OneOrMany<string>>>;
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export type ConditionValue = string | number | boolean;
/** operator (e.g. `StringLike`, `ArnEqualsIfExists`) → condition key → value(s). */
export type PolicyCondition = Record<string, Record<string, OneOrMany<ConditionValue>>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: PolicyEffect;
  Principal?: PolicyPrincipal;
  NotPrincipal?: PolicyPrincipal;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: PolicyCondition;
}

export type PolicyVersion = '2012-10-17' | '2008-10-17';

export interface PolicyDocument {
  Version?: PolicyVersion;
  Id?: string;
  Statement: OneOrMany<PolicyStatement>;
}

/** identity = attached to a user/role (no Principal); trust = a role's AssumeRolePolicyDocument; resource = e.g. a bucket policy. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

export interface MalformedPolicyDocument {
  code: 'MalformedPolicyDocument';
  message: string;
}

export type ParsePolicyResult = { ok: true; document: PolicyDocument } | { ok: false; error: MalformedPolicyDocument };

export const POLICY_MESSAGES = {
  invalidJson: 'This policy contains invalid Json',
  syntax: 'Syntax errors in policy.',
  legacyParsing: 'The policy failed legacy parsing',
  principalInIdentityPolicy: 'Policy document should not specify a principal.',
  resourceInTrustPolicy: 'Has prohibited field Resource',
  missingPrincipal: 'Missing required field Principal',
  duplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  missingActions: 'Policy statement must contain actions.',
  missingResources: 'Policy statement must contain resources.',
  actionVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  actionColons: 'Actions/Condition can contain only one colon.',
} as const;

export const POLICY_VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];

const TOP_LEVEL_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_TYPES = new Set<string>(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/** Every statement as a list, whatever the document's shape. */
export function policyStatements(document: PolicyDocument): PolicyStatement[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

export function asList<T>(value: OneOrMany<T> | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringOrNonEmptyStringList = (value: unknown): boolean =>
  typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));

function isValidPrincipal(value: unknown): boolean {
  if (value === '*') return true;
  if (!isRecord(value) || Object.keys(value).length === 0) return false;
  return Object.entries(value).every(([type, ids]) => PRINCIPAL_TYPES.has(type) && isStringOrNonEmptyStringList(ids));
}

function isValidCondition(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.values(value).every(
    (block) =>
      isRecord(block) &&
      Object.values(block).every((v) => {
        const values = Array.isArray(v) ? v : [v];
        return values.every((x) => ['string', 'number', 'boolean'].includes(typeof x));
      }),
  );
}

function statementSyntaxIsValid(statement: unknown): boolean {
  if (!isRecord(statement)) return false;
  if (!Object.keys(statement).every((key) => STATEMENT_KEYS.has(key))) return false;
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return false;
  if (statement.Sid !== undefined && typeof statement.Sid !== 'string') return false;
  for (const [a, b] of [
    ['Action', 'NotAction'],
    ['Resource', 'NotResource'],
    ['Principal', 'NotPrincipal'],
  ] as const) {
    if (statement[a] !== undefined && statement[b] !== undefined) return false;
  }
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    if (statement[key] !== undefined && !isStringOrNonEmptyStringList(statement[key])) return false;
  }
  for (const key of ['Principal', 'NotPrincipal'] as const) {
    if (statement[key] !== undefined && !isValidPrincipal(statement[key])) return false;
  }
  return statement.Condition === undefined || isValidCondition(statement.Condition);
}

function syntaxIsValid(json: unknown): json is PolicyDocument {
  if (!isRecord(json)) return false;
  if (!Object.keys(json).every((key) => TOP_LEVEL_KEYS.has(key))) return false;
  if (json.Id !== undefined && typeof json.Id !== 'string') return false;
  const statements = Array.isArray(json.Statement) ? json.Statement : isRecord(json.Statement) ? [json.Statement] : undefined;
  return statements !== undefined && statements.length > 0 && statements.every(statementSyntaxIsValid);
}

function actionProblem(action: string): string | undefined {
  if (action === '*') return undefined;
  const parts = action.split(':');
  if (parts.length === 1) return POLICY_MESSAGES.actionVendor;
  if (parts.length > 2) return POLICY_MESSAGES.actionColons;
  if (/[^a-zA-Z0-9\-.*?]/.test(parts[0])) return `Vendor ${parts[0]} is not valid`;
  return undefined;
}

function resourceProblem(resource: string): string | undefined {
  if (resource === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+/.test(resource)) return undefined;
  return `Resource ${resource} must be in ARN format or "*".`;
}

function kindProblem(statement: PolicyStatement, kind: PolicyKind): string | undefined {
  const hasPrincipal = statement.Principal !== undefined || statement.NotPrincipal !== undefined;
  if (kind === 'identity' && hasPrincipal) return POLICY_MESSAGES.principalInIdentityPolicy;
  if (kind === 'trust' && (statement.Resource !== undefined || statement.NotResource !== undefined)) {
    return POLICY_MESSAGES.resourceInTrustPolicy;
  }
  if (kind !== 'identity' && !hasPrincipal) return POLICY_MESSAGES.missingPrincipal;
  return undefined;
}

/** Validates an already-parsed JSON value; returns IAM's first complaint, or undefined. */
export function policyDocumentProblem(json: unknown, kind: PolicyKind): string | undefined {
  if (!syntaxIsValid(json)) return POLICY_MESSAGES.syntax;
  if (json.Version !== undefined && !POLICY_VERSIONS.includes(json.Version)) return POLICY_MESSAGES.legacyParsing;
  const statements = policyStatements(json);
  for (const statement of statements) {
    const problem = kindProblem(statement, kind);
    if (problem) return problem;
  }
  const sids = statements.flatMap((s) => (s.Sid ? [s.Sid] : []));
  if (new Set(sids).size !== sids.length) return POLICY_MESSAGES.duplicateSid;
  if (statements.some((s) => s.Action === undefined && s.NotAction === undefined)) return POLICY_MESSAGES.missingActions;
  if (kind !== 'trust' && statements.some((s) => s.Resource === undefined && s.NotResource === undefined)) {
    return POLICY_MESSAGES.missingResources;
  }
  for (const statement of statements) {
    for (const resource of [...asList(statement.Resource), ...asList(statement.NotResource)]) {
      const problem = resourceProblem(resource);
      if (problem) return problem;
    }
    for (const action of [...asList(statement.Action), ...asList(statement.NotAction)]) {
      const problem = actionProblem(action);
      if (problem) return problem;
    }
  }
  return undefined;
}

export function parsePolicyDocument(text: string, kind: PolicyKind): ParsePolicyResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'MalformedPolicyDocument', message: POLICY_MESSAGES.invalidJson } };
  }
  const problem = policyDocumentProblem(json, kind);
  if (problem !== undefined) return { ok: false, error: { code: 'MalformedPolicyDocument', message: problem } };
  return { ok: true, document: json as PolicyDocument };
}

/** The AWS managed policy `arn:aws:iam::aws:policy/AdministratorAccess` (default version). */
export const ADMINISTRATOR_ACCESS_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const ADMINISTRATOR_ACCESS_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
