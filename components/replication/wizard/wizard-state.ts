import type { ReplicationConfiguration, ReplicationStatus, StorageClass } from '@/lib/replication/schema';
import { nextFreePriority } from '@/lib/replication/merge';
import { ruleToInputFields } from '@/lib/replication-console/build-rule';
import type { RuleInput, TagRow } from '@/lib/replication-console/rule-input';

/**
 * The wizard's state across its four steps: the person's draft (kept whole when they go back, and when they
 * switch a choice off and on again), the current step, and the field errors to show.
 */

export const WIZARD_STEPS = ['Set source', 'Set destination', 'Configure options', 'Review'] as const;
export type WizardStep = 0 | 1 | 2 | 3;

export type WizardDraft = {
  sourceBucket: string;
  editingRuleId?: string;
  scopeKind: 'bucket' | 'filter';
  prefix: string;
  tags: TagRow[];
  replicateKmsObjects: boolean;
  replicaKmsKeyId: string;
  destinationAccount: 'this' | 'other';
  destinationAccountId: string;
  destinationBucket: string;
  changeStorageClass: boolean;
  storageClass: StorageClass;
  ownerOverride: boolean;
  deleteMarkerReplication: boolean;
  replicaModificationSync: boolean;
  replicationTimeControl: boolean;
  replicationMetrics: boolean;
  roleKind: 'new' | 'existing';
  roleArn: string;
  addMissingPermissions: boolean;
  ruleName: string;
  status: ReplicationStatus;
  /** Text as typed; parsed when the input is built. */
  priority: string;
  expectedFingerprint: string | null;
};

export type WizardState = {
  step: WizardStep;
  draft: WizardDraft;
  fieldErrors: Record<string, string[]>;
  /** The furthest step reached, so the step list can link back to any of them. */
  reached: WizardStep;
};

export type WizardAction =
  | { type: 'set'; patch: Partial<WizardDraft> }
  | { type: 'addTag' }
  | { type: 'setTag'; index: number; patch: Partial<TagRow> }
  | { type: 'removeTag'; index: number }
  | { type: 'goTo'; step: WizardStep }
  /** Show errors on their fields; go to `step`, or else to the first step with an error if it is before this one. */
  | { type: 'showErrors'; fieldErrors: Record<string, string[]>; step?: WizardStep };

export function newRuleDraft(sourceBucket: string, configuration: ReplicationConfiguration | null, fingerprint: string | null): WizardDraft {
  return {
    sourceBucket,
    scopeKind: 'bucket',
    prefix: '',
    tags: [],
    replicateKmsObjects: false,
    replicaKmsKeyId: '',
    destinationAccount: 'this',
    destinationAccountId: '',
    destinationBucket: '',
    changeStorageClass: false,
    storageClass: 'STANDARD',
    ownerOverride: false,
    deleteMarkerReplication: false,
    replicaModificationSync: false,
    replicationTimeControl: false,
    replicationMetrics: false,
    // A bucket has one role for all its rules: keep the current one unless the person picks another.
    roleKind: configuration ? 'existing' : 'new',
    roleArn: configuration?.Role ?? '',
    addMissingPermissions: true,
    ruleName: '',
    status: 'Enabled',
    priority: String(nextFreePriority(configuration)),
    expectedFingerprint: fingerprint,
  };
}

/** The wizard prefilled with an existing rule (Edit). */
export function editRuleDraft(
  sourceBucket: string,
  configuration: ReplicationConfiguration,
  fingerprint: string | null,
  ruleId: string,
): WizardDraft | undefined {
  const rule = configuration.Rules.find((candidate) => candidate.ID === ruleId);
  if (!rule) return undefined;
  const fields = ruleToInputFields(rule);
  const scope = fields.scope;
  return {
    ...newRuleDraft(sourceBucket, configuration, fingerprint),
    editingRuleId: ruleId,
    scopeKind: scope.kind,
    prefix: scope.kind === 'filter' ? scope.prefix : '',
    tags: scope.kind === 'filter' ? scope.tags : [],
    replicateKmsObjects: fields.replicateKmsObjects,
    replicaKmsKeyId: fields.replicaKmsKeyId ?? '',
    destinationAccount: fields.destination.account,
    destinationAccountId: fields.destination.accountId ?? '',
    destinationBucket: fields.destination.bucket,
    changeStorageClass: fields.storageClass !== null,
    storageClass: fields.storageClass ?? 'STANDARD',
    ownerOverride: fields.ownerOverride,
    deleteMarkerReplication: fields.deleteMarkerReplication,
    replicaModificationSync: fields.replicaModificationSync,
    replicationTimeControl: fields.replicationTimeControl,
    replicationMetrics: fields.replicationMetrics,
    ruleName: fields.ruleName,
    status: fields.status,
    priority: String(fields.priority),
  };
}

/** The input the server actions take; options hidden by an unticked box are not sent. */
export function draftToInput(draft: WizardDraft): RuleInput {
  const priority = draft.priority.trim() === '' ? Number.NaN : Number(draft.priority);
  return {
    sourceBucket: draft.sourceBucket,
    ...(draft.editingRuleId !== undefined ? { editingRuleId: draft.editingRuleId } : {}),
    scope: draft.scopeKind === 'bucket' ? { kind: 'bucket' } : { kind: 'filter', prefix: draft.prefix, tags: draft.tags },
    replicateKmsObjects: draft.replicateKmsObjects,
    ...(draft.replicateKmsObjects ? { replicaKmsKeyId: draft.replicaKmsKeyId } : {}),
    destination: {
      account: draft.destinationAccount,
      ...(draft.destinationAccount === 'other' ? { accountId: draft.destinationAccountId.trim() } : {}),
      bucket: draft.destinationBucket.trim(),
    },
    storageClass: draft.changeStorageClass ? draft.storageClass : null,
    ownerOverride: draft.destinationAccount === 'other' && draft.ownerOverride,
    deleteMarkerReplication: draft.deleteMarkerReplication,
    replicaModificationSync: draft.replicaModificationSync,
    replicationTimeControl: draft.replicationTimeControl,
    replicationMetrics: draft.replicationMetrics || draft.replicationTimeControl,
    role:
      draft.roleKind === 'new'
        ? { kind: 'new' }
        : { kind: 'existing', arn: draft.roleArn, addMissingPermissions: draft.addMissingPermissions },
    ruleName: draft.ruleName.trim(),
    status: draft.status,
    priority,
    expectedFingerprint: draft.expectedFingerprint,
  };
}

/** Which step owns a field path, so that errors send the person back to the right step. */
export function stepOfField(path: string): WizardStep {
  if (/^(sourceBucket|scope|replicateKmsObjects|replicaKmsKeyId)/.test(path)) return 0;
  if (/^(destination|storageClass|ownerOverride|deleteMarkerReplication|replicaModificationSync|replicationTimeControl|replicationMetrics)/.test(path)) {
    return 1;
  }
  if (/^(role|ruleName|status|priority)/.test(path)) return 2;
  return 3;
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'set':
      return { ...state, draft: { ...state.draft, ...action.patch } };
    case 'addTag':
      return { ...state, draft: { ...state.draft, tags: [...state.draft.tags, { key: '', value: '' }] } };
    case 'setTag':
      return {
        ...state,
        draft: { ...state.draft, tags: state.draft.tags.map((tag, i) => (i === action.index ? { ...tag, ...action.patch } : tag)) },
      };
    case 'removeTag':
      return { ...state, draft: { ...state.draft, tags: state.draft.tags.filter((_, i) => i !== action.index) } };
    case 'goTo':
      return {
        ...state,
        step: action.step,
        reached: action.step > state.reached ? action.step : state.reached,
        fieldErrors: {},
      };
    case 'showErrors': {
      const steps = Object.keys(action.fieldErrors).map(stepOfField);
      const first = steps.length > 0 ? (Math.min(...steps) as WizardStep) : state.step;
      return { ...state, fieldErrors: action.fieldErrors, step: action.step ?? (first < state.step ? first : state.step) };
    }
  }
}

export function initialWizardState(draft: WizardDraft): WizardState {
  return { step: 0, draft, fieldErrors: {}, reached: 0 };
}
