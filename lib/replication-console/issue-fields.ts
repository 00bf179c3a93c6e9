/**
 * Maps a validate.ts issue path (`Rules[2].Filter.And.Tags[0].Key`) of the rule being saved to the wizard field
 * that caused it; undefined for issues elsewhere (other rules, the configuration as a whole).
 */
const RULE_FIELDS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^\.ID$/, () => 'ruleName'],
  [/^\.Priority$/, () => 'priority'],
  [/^\.Filter\.And\.Tags\[(\d+)\]\.(Key|Value)$/, (m) => `scope.tags.${m[1]}.${m[2].toLowerCase()}`],
  [/^\.Filter\.Tag\.(Key|Value)$/, (m) => `scope.tags.0.${m[1].toLowerCase()}`],
  [/^\.Filter(\.And)?\.Prefix$/, () => 'scope.prefix'],
  [/^\.DeleteMarkerReplication/, () => 'deleteMarkerReplication'],
  [/^\.SourceSelectionCriteria\.ReplicaModifications/, () => 'replicaModificationSync'],
  [/^\.Destination\.Bucket$/, () => 'destination.bucket'],
  [/^\.Destination\.Account$/, () => 'destination.accountId'],
  [/^\.Destination\.StorageClass$/, () => 'storageClass'],
  [/^\.Destination\.EncryptionConfiguration/, () => 'replicaKmsKeyId'],
  [/^\.Destination\.ReplicationTime/, () => 'replicationTimeControl'],
  [/^\.Destination\.Metrics/, () => 'replicationMetrics'],
];

export function issueField(path: string, ruleIndex: number): string | undefined {
  if (path === 'sourceBucket') return 'sourceBucket';
  const own = `Rules[${ruleIndex}]`;
  if (!path.startsWith(own)) return undefined;
  const rest = path.slice(own.length);
  for (const [pattern, field] of RULE_FIELDS) {
    const match = pattern.exec(rest);
    if (match) return field(match);
  }
  return '_form';
}
