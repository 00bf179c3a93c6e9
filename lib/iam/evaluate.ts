import {
  asList,
  policyStatements,
  type ConditionValue,
  type PolicyDocument,
  type PolicyPrincipal,
  type PolicyStatement,
  type PrincipalType,
} from '@/lib/iam/policy-document';

/**
 * IAM policy evaluation for one request: an explicit Deny wins, otherwise an Allow is needed
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 * Actions match case-insensitively, resources case-sensitively, both with `*` and `?` wildcards.
 * Conditions: String*, Arn*, Bool (with IfExists). Other operators are treated fail-safe: an Allow
 * statement with one does not allow, a Deny statement with one denies.
 */
export type PolicyDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface RequestPrincipal {
  type: PrincipalType;
  /** e.g. `s3.amazonaws.com`, `arn:aws:iam::111122223333:role/x`. */
  id: string;
}

export interface RequestContext {
  principal?: RequestPrincipal;
  /** Condition keys of the request (`aws:SourceAccount`, `kms:ViaService`, ...). */
  conditionKeys?: Record<string, ConditionValue | ConditionValue[]>;
}

export interface MatchedStatement {
  policyIndex: number;
  statementIndex: number;
  statement: PolicyStatement;
}

export interface EvaluationResult {
  decision: PolicyDecision;
  /** The deciding statement (the Deny, or the first Allow); absent for an implicit deny. */
  matchedStatement?: MatchedStatement;
}

const globCache = new Map<string, RegExp>();

/** `*` = any run of characters, `?` = one character, `${*}` / `${?}` / `${$}` = the literal; everything else literal. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  if (pattern === value) return true;
  const cacheKey = `${caseInsensitive ? 'i' : 's'}:${pattern}`;
  let regex = globCache.get(cacheKey);
  if (!regex) {
    const source = pattern
      .split(/(\$\{[*?$]\}|\*|\?)/)
      .map((token) => {
        if (token === '*') return '.*';
        if (token === '?') return '.';
        // `${*}`, `${?}`, `${$}` are IAM's escapes for the literal characters.
        const literal = /^\$\{([*?$])\}$/.exec(token)?.[1] ?? token;
        return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    regex = new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
    if (globCache.size > 5000) globCache.clear();
    globCache.set(cacheKey, regex);
  }
  return regex.test(value);
}

function matchesAction(statement: PolicyStatement, action: string): boolean {
  if (statement.NotAction !== undefined) return !asList(statement.NotAction).some((p) => wildcardMatch(p, action, true));
  return asList(statement.Action).some((p) => wildcardMatch(p, action, true));
}

function matchesResource(statement: PolicyStatement, resource: string): boolean {
  if (statement.NotResource !== undefined) return !asList(statement.NotResource).some((p) => wildcardMatch(p, resource, false));
  // Trust policies carry no Resource: the statement is about the role itself.
  if (statement.Resource === undefined) return true;
  return asList(statement.Resource).some((p) => wildcardMatch(p, resource, false));
}

function principalListed(block: PolicyPrincipal, principal: RequestPrincipal): boolean {
  if (block === '*') return true;
  return asList(block[principal.type]).some((id) => {
    if (id === '*' || id === principal.id) return true;
    // An account id (or its :root ARN) stands for every principal of that account.
    const account = /^(\d{12})$/.exec(id)?.[1] ?? /^arn:[^:]+:iam::(\d{12}):root$/.exec(id)?.[1];
    return account !== undefined && principal.type === 'AWS' && principal.id.split(':')[4] === account;
  });
}

function matchesPrincipal(statement: PolicyStatement, principal: RequestPrincipal | undefined): boolean {
  if (statement.Principal === undefined && statement.NotPrincipal === undefined) return true;
  if (!principal) return false;
  if (statement.NotPrincipal !== undefined) return !principalListed(statement.NotPrincipal, principal);
  return statement.Principal !== undefined && principalListed(statement.Principal, principal);
}

type ConditionOutcome = boolean | 'unsupported';

function compareValues(base: string, expected: string, actual: string): boolean {
  switch (base) {
    case 'StringEquals':
    case 'ArnEquals':
      return expected === actual;
    case 'StringEqualsIgnoreCase':
      return expected.toLowerCase() === actual.toLowerCase();
    case 'StringLike':
    case 'ArnLike':
      return wildcardMatch(expected, actual, false);
    case 'Bool':
      return expected.toLowerCase() === actual.toLowerCase();
    default:
      return false;
  }
}

const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};
const POSITIVE = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'Bool']);

function evaluateOperator(
  operator: string,
  block: Record<string, ConditionValue | ConditionValue[]>,
  keys: RequestContext['conditionKeys'],
): ConditionOutcome {
  const ifExists = operator.endsWith('IfExists');
  const name = ifExists ? operator.slice(0, -'IfExists'.length) : operator;
  const negatedOf = NEGATED[name];
  const base = negatedOf ?? name;
  if (!POSITIVE.has(base)) return 'unsupported';
  for (const [key, expectedRaw] of Object.entries(block)) {
    // Condition keys are case-insensitive.
    const entry = Object.entries(keys ?? {}).find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (entry === undefined) {
      if (ifExists || negatedOf) continue;
      return false;
    }
    const actual = asList(entry[1]).map(String);
    const expected = asList(expectedRaw).map(String);
    const anyMatch = actual.some((a) => expected.some((e) => compareValues(base, e, a)));
    if (negatedOf ? anyMatch : !anyMatch) return false;
  }
  return true;
}

function conditionsHold(statement: PolicyStatement, context: RequestContext | undefined): ConditionOutcome {
  let outcome: ConditionOutcome = true;
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    const result = evaluateOperator(operator, block, context?.conditionKeys);
    if (result === false) return false;
    if (result === 'unsupported') outcome = 'unsupported';
  }
  return outcome;
}

export function isAllowed(
  policies: readonly PolicyDocument[],
  action: string,
  resource: string,
  context?: RequestContext,
): EvaluationResult {
  let firstAllow: MatchedStatement | undefined;
  for (const [policyIndex, policy] of policies.entries()) {
    for (const [statementIndex, statement] of policyStatements(policy).entries()) {
      if (!matchesAction(statement, action) || !matchesResource(statement, resource)) continue;
      if (!matchesPrincipal(statement, context?.principal)) continue;
      const conditions = conditionsHold(statement, context);
      const matched = { policyIndex, statementIndex, statement };
      if (statement.Effect === 'Deny' && conditions !== false) return { decision: 'ExplicitDeny', matchedStatement: matched };
      if (statement.Effect === 'Allow' && conditions === true) firstAllow ??= matched;
    }
  }
  return firstAllow ? { decision: 'Allow', matchedStatement: firstAllow } : { decision: 'ImplicitDeny' };
}

/** Whether a role's trust policy lets an AWS service assume it (default action `sts:AssumeRole`). */
export function trustsService(trustPolicy: PolicyDocument, service: string, action = 'sts:AssumeRole'): boolean {
  return isAllowed([trustPolicy], action, '*', { principal: { type: 'Service', id: service } }).decision === 'Allow';
}
