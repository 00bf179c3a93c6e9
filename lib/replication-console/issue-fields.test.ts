import { describe, expect, it } from 'vitest';
import { issueField } from './issue-fields';

describe('issueField', () => {
  it.each([
    ['Rules[1].Priority', 1, 'priority'],
    ['Rules[1].ID', 1, 'ruleName'],
    ['Rules[1].Filter.And.Tags[2].Value', 1, 'scope.tags.2.value'],
    ['Rules[1].Filter.Tag.Key', 1, 'scope.tags.0.key'],
    ['Rules[1].DeleteMarkerReplication.Status', 1, 'deleteMarkerReplication'],
    ['Rules[1].Destination.Metrics.Status', 1, 'replicationMetrics'],
    ['Rules[1].Destination.Bucket', 1, 'destination.bucket'],
    ['Rules[1].SomethingNew', 1, '_form'],
    ['sourceBucket', 0, 'sourceBucket'],
  ])('%s of rule %i → %s', (path, index, field) => {
    expect(issueField(path, index)).toBe(field);
  });

  it('leaves issues of other rules to the form', () => {
    expect(issueField('Rules[0].Priority', 1)).toBeUndefined();
    expect(issueField('Rules', 1)).toBeUndefined();
  });
});
