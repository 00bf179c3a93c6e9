'use client';

import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Checkbox, FormSection, RadioGroup } from '../choice';
import { bucketsQuery } from '@/lib/queries/buckets';
import { MAX_FILTER_TAGS } from '@/lib/replication-console/rule-limits';
import { ScopePreview } from './scope-preview';
import { regionLabelWithCode } from '@/lib/regions';
import { setDraft, type StepProps } from './step-props';

function SourceRegion({ bucket }: { bucket: string }) {
  const buckets = useQuery(bucketsQuery());
  const region = buckets.data?.buckets.find((candidate) => candidate.name === bucket)?.region;
  return region ? <> in {regionLabelWithCode(region)}</> : null;
}

export function StepSource({ draft, dispatch, errors }: StepProps) {
  return (
    <div className="space-y-4">
      <FormSection title="Source bucket">
        <p className="text-sm">
          Source bucket: <strong>{draft.sourceBucket}</strong>
          <SourceRegion bucket={draft.sourceBucket} />
        </p>
        {errors.sourceBucket ? <p className="text-sm text-red-700">{errors.sourceBucket.join(' ')}</p> : null}
        <RadioGroup
          legend="Rule scope"
          name="scope"
          value={draft.scopeKind}
          onChange={(scopeKind) => setDraft(dispatch, { scopeKind })}
          options={[
            { value: 'bucket', label: `Entire bucket ${draft.sourceBucket}` },
            { value: 'filter', label: 'Limit the scope with a prefix and/or tags' },
          ]}
        />
        {draft.scopeKind === 'filter' ? (
          <div className="space-y-3 border-l-4 border-line pl-4">
            <Input
              label="Prefix"
              hint="Folder prefixes end with a slash, e.g. logs/. Prefix and tags combine with AND."
              value={draft.prefix}
              errors={errors['scope.prefix']}
              onChange={(event) => setDraft(dispatch, { prefix: event.target.value })}
            />
            <fieldset className="space-y-2">
              <legend className="text-sm font-bold">Tags</legend>
              {draft.tags.map((tag, index) => (
                <div key={index} className="flex flex-wrap items-end gap-2">
                  <Input
                    label={`Tag ${index + 1} key`}
                    value={tag.key}
                    errors={errors[`scope.tags.${index}.key`]}
                    onChange={(event) => dispatch({ type: 'setTag', index, patch: { key: event.target.value } })}
                  />
                  <Input
                    label={`Tag ${index + 1} value`}
                    value={tag.value}
                    errors={errors[`scope.tags.${index}.value`]}
                    onChange={(event) => dispatch({ type: 'setTag', index, patch: { value: event.target.value } })}
                  />
                  <Button variant="link" onClick={() => dispatch({ type: 'removeTag', index })}>
                    Remove tag {index + 1}
                  </Button>
                </div>
              ))}
              {errors['scope.tags'] ? <p className="text-sm text-red-700">{errors['scope.tags'].join(' ')}</p> : null}
              <Button onClick={() => dispatch({ type: 'addTag' })} disabled={draft.tags.length >= MAX_FILTER_TAGS}>
                Add tag
              </Button>
            </fieldset>
          </div>
        ) : null}
        <ScopePreview
          bucket={draft.sourceBucket}
          prefix={draft.scopeKind === 'filter' ? draft.prefix : ''}
          tags={draft.scopeKind === 'filter' ? draft.tags : []}
        />
      </FormSection>
      <FormSection title="Replication criteria">
        <Checkbox
          label="Replicate objects encrypted with AWS KMS"
          hint="Objects encrypted with SSE-KMS are replicated only when you opt in; their replicas are encrypted with the key below."
          checked={draft.replicateKmsObjects}
          onChange={(replicateKmsObjects) => setDraft(dispatch, { replicateKmsObjects })}
        />
        {draft.replicateKmsObjects ? (
          <Input
            label="AWS KMS key for encrypting destination objects (key ARN)"
            placeholder="arn:aws:kms:region:account:key/…"
            value={draft.replicaKmsKeyId}
            errors={errors.replicaKmsKeyId}
            onChange={(event) => setDraft(dispatch, { replicaKmsKeyId: event.target.value })}
          />
        ) : null}
        <p className="text-xs text-gray-600">
          The rule is written in the current schema: a prefix, one or more tags or both, and priorities for overlapping rules.
        </p>
      </FormSection>
    </div>
  );
}
