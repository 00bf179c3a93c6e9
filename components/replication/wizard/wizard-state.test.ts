import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { stepErrors } from './step-errors';
import { draftToInput, editRuleDraft, initialWizardState, newRuleDraft, wizardReducer } from './wizard-state';

const existing: ReplicationConfiguration = {
  Role: 'arn:aws:iam::123456789012:role/service-role/s3crr_role_for_jtpbucket_to_jtp1bucket',
  Rules: [
    {
      ID: 'S3CRR',
      Priority: 3,
      Filter: { And: { Prefix: 'docs/', Tags: [{ Key: 'k', Value: 'v' }] } },
      Status: 'Disabled',
      Destination: { Bucket: 'arn:aws:s3:::jtp1bucket', StorageClass: 'STANDARD_IA' },
      DeleteMarkerReplication: { Status: 'Disabled' },
    },
  ],
};

describe('wizard state', () => {
  it('starts a first rule with a new role and priority 0', () => {
    const draft = newRuleDraft('jtpbucket', null, null);
    expect([draft.roleKind, draft.priority, draft.scopeKind]).toEqual(['new', '0', 'bucket']);
  });

  it('starts a further rule with the configuration role and the next free priority', () => {
    const draft = newRuleDraft('jtpbucket', existing, 'abc');
    expect([draft.roleKind, draft.roleArn, draft.priority, draft.expectedFingerprint]).toEqual(['existing', existing.Role, '4', 'abc']);
  });

  it('prefills Edit from the rule and sends it back unchanged', () => {
    const draft = editRuleDraft('jtpbucket', existing, 'abc', 'S3CRR');
    const input = draftToInput(draft!);
    expect(input).toMatchObject({
      editingRuleId: 'S3CRR',
      scope: { kind: 'filter', prefix: 'docs/', tags: [{ key: 'k', value: 'v' }] },
      storageClass: 'STANDARD_IA',
      status: 'Disabled',
      priority: 3,
      destination: { account: 'this', bucket: 'jtp1bucket' },
    });
    expect(editRuleDraft('jtpbucket', existing, 'abc', 'missing')).toBeUndefined();
  });

  it('keeps the filter while the scope is switched back and forth, and sends none for the entire bucket', () => {
    let state = initialWizardState(newRuleDraft('jtpbucket', null, null));
    state = wizardReducer(state, { type: 'set', patch: { scopeKind: 'filter', prefix: 'logs/' } });
    state = wizardReducer(state, { type: 'addTag' });
    state = wizardReducer(state, { type: 'setTag', index: 0, patch: { key: 'team', value: 'x' } });
    state = wizardReducer(state, { type: 'set', patch: { scopeKind: 'bucket' } });
    expect(draftToInput(state.draft).scope).toEqual({ kind: 'bucket' });
    state = wizardReducer(state, { type: 'set', patch: { scopeKind: 'filter' } });
    expect(draftToInput(state.draft).scope).toEqual({ kind: 'filter', prefix: 'logs/', tags: [{ key: 'team', value: 'x' }] });
  });

  it('checks only the fields of the steps up to the current one', () => {
    const draft = newRuleDraft('jtpbucket', null, null);
    expect(stepErrors(draft, 0)).toEqual({});
    expect(Object.keys(stepErrors(draft, 1))).toEqual(['destination.bucket']);
    expect(Object.keys(stepErrors({ ...draft, destinationBucket: 'jtp1bucket' }, 2))).toEqual(['ruleName']);
  });

  it('sends the person back to the first step with an error', () => {
    let state = initialWizardState(newRuleDraft('jtpbucket', null, null));
    state = wizardReducer(state, { type: 'goTo', step: 3 });
    state = wizardReducer(state, { type: 'showErrors', fieldErrors: { priority: ['taken'], 'destination.bucket': ['missing'] } });
    expect(state.step).toBe(1);
    expect(state.reached).toBe(3);
  });
});
