import type { RuleInput } from './rule-input';

/** Tests only: what the wizard submits for the plain case — the whole of jtpbucket to jtp1bucket in this account, a new role. */
export const wizardInput: RuleInput = {
  sourceBucket: 'jtpbucket',
  scope: { kind: 'bucket' },
  replicateKmsObjects: false,
  destination: { account: 'this', bucket: 'jtp1bucket' },
  storageClass: null,
  ownerOverride: false,
  deleteMarkerReplication: false,
  replicaModificationSync: false,
  replicationTimeControl: false,
  replicationMetrics: false,
  role: { kind: 'new' },
  ruleName: 'S3CRR',
  status: 'Enabled',
  priority: 0,
  expectedFingerprint: null,
};

/** Tests only: the plain-case input for another pair of buckets, with any field overridden. */
export function ruleInputFor(source: string, destination: string, overrides: Partial<RuleInput> = {}): RuleInput {
  return { ...wizardInput, sourceBucket: source, destination: { account: 'this', bucket: destination }, ...overrides };
}
