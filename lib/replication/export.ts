import type { ReplicationConfiguration, ReplicationRule, Tag } from '@/lib/replication/schema';

/**
 * A configuration rendered for infrastructure-as-code: the AWS CLI's put-bucket-replication JSON and command,
 * a Terraform `aws_s3_bucket_replication_configuration` resource (terraform fmt layout), and a CloudFormation
 * `AWS::S3::Bucket` `ReplicationConfiguration` YAML snippet.
 */

// One order serves every structure of the API model (Rule, Filter, And, Destination, ...).
const API_MODEL_KEY_ORDER = [
  'Role', 'Rules', 'ID', 'Priority', 'Prefix', 'Filter', 'Tag', 'And', 'Tags', 'Key', 'Value', 'Status',
  'SourceSelectionCriteria', 'SseKmsEncryptedObjects', 'ReplicaModifications', 'ExistingObjectReplication',
  'Destination', 'Bucket', 'Account', 'StorageClass', 'AccessControlTranslation', 'Owner', 'EncryptionConfiguration',
  'ReplicaKmsKeyID', 'ReplicationTime', 'Time', 'Minutes', 'Metrics', 'EventThreshold', 'DeleteMarkerReplication',
];

function inApiModelOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inApiModelOrder);
  if (value === null || typeof value !== 'object') return value;
  const rank = (key: string) => {
    const index = API_MODEL_KEY_ORDER.indexOf(key);
    return index < 0 ? API_MODEL_KEY_ORDER.length : index;
  };
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([k, v]) => [k, inApiModelOrder(v)]));
}

/** The JSON file for `aws s3api put-bucket-replication --replication-configuration file://…`. */
export function toAwsCliJson(config: ReplicationConfiguration): string {
  return `${JSON.stringify(inApiModelOrder(config), null, 2)}\n`;
}

const shellQuote = (value: string) => (/^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/**
 * The full command line. With `file` it references a JSON file (write toAwsCliJson into it);
 * without, the configuration is passed inline as compact JSON.
 */
export function toAwsCliCommand(sourceBucket: string, config: ReplicationConfiguration, options: { file?: string } = {}): string {
  const argument = options.file ? `file://${options.file}` : JSON.stringify(inApiModelOrder(config));
  return `aws s3api put-bucket-replication --bucket ${shellQuote(sourceBucket)} --replication-configuration ${shellQuote(argument)}`;
}

// ---------------------------------------------------------------- Terraform

type HclItem = { kind: 'attribute'; name: string; lines: string[] } | { kind: 'block'; name: string; items: HclItem[] };

function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

const attr = (name: string, value: string | number | undefined): HclItem[] =>
  value === undefined ? [] : [{ kind: 'attribute', name, lines: [typeof value === 'number' ? String(value) : hclString(value)] }];

const block = (name: string, items: HclItem[]): HclItem => ({ kind: 'block', name, items });
const optionalBlock = (name: string, present: unknown, items: () => HclItem[]): HclItem[] => (present === undefined ? [] : [block(name, items())]);

function hclMap(name: string, tags: readonly Tag[]): HclItem {
  const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : hclString(k));
  const width = Math.max(...tags.map((t) => key(t.Key).length));
  return { kind: 'attribute', name, lines: ['{', ...tags.map((t) => `  ${key(t.Key).padEnd(width)} = ${hclString(t.Value)}`), '}'] };
}

function renderHcl(items: HclItem[], indent: string): string[] {
  const out: string[] = [];
  let run: { width: number; lines: number[] } | undefined;
  const flushRun = () => {
    if (!run) return;
    for (const index of run.lines) {
      const line = out[index];
      const eq = line.indexOf(' = ');
      const name = line.slice(indent.length, eq);
      out[index] = `${indent}${name.padEnd(run.width)}${line.slice(eq)}`;
    }
    run = undefined;
  };
  items.forEach((item, i) => {
    const previous = items[i - 1];
    if (previous && (previous.kind === 'block' || item.kind === 'block')) {
      flushRun();
      out.push('');
    }
    if (item.kind === 'block') {
      if (item.items.length === 0) out.push(`${indent}${item.name} {}`);
      else out.push(`${indent}${item.name} {`, ...renderHcl(item.items, `${indent}  `), `${indent}}`);
      return;
    }
    if (item.lines.length > 1) {
      // terraform fmt leaves a multi-line value out of the aligned run around it.
      flushRun();
      out.push(`${indent}${item.name} = ${item.lines[0]}`, ...item.lines.slice(1).map((l) => `${indent}${l}`));
      return;
    }
    run ??= { width: 0, lines: [] };
    run.width = Math.max(run.width, item.name.length);
    run.lines.push(out.length);
    out.push(`${indent}${item.name} = ${item.lines[0]}`);
  });
  flushRun();
  return out;
}

function statusBlock(name: string, holder: { Status?: string } | undefined): HclItem[] {
  return optionalBlock(name, holder, () => attr('status', holder?.Status));
}

function terraformFilter(rule: ReplicationRule): HclItem[] {
  const filter = rule.Filter;
  return optionalBlock('filter', filter, () => [
    ...attr('prefix', filter?.Prefix),
    ...optionalBlock('tag', filter?.Tag, () => [...attr('key', filter?.Tag?.Key), ...attr('value', filter?.Tag?.Value)]),
    ...optionalBlock('and', filter?.And, () => [
      ...attr('prefix', filter?.And?.Prefix),
      ...(filter?.And?.Tags?.length ? [hclMap('tags', filter.And.Tags)] : []),
    ]),
  ]);
}

function terraformDestination(rule: ReplicationRule): HclItem {
  const d = rule.Destination;
  return block('destination', [
    ...attr('bucket', d.Bucket),
    ...attr('storage_class', d.StorageClass),
    ...attr('account', d.Account),
    ...optionalBlock('access_control_translation', d.AccessControlTranslation, () => attr('owner', d.AccessControlTranslation?.Owner)),
    ...optionalBlock('encryption_configuration', d.EncryptionConfiguration, () =>
      attr('replica_kms_key_id', d.EncryptionConfiguration?.ReplicaKmsKeyID),
    ),
    ...optionalBlock('replication_time', d.ReplicationTime, () => [
      ...attr('status', d.ReplicationTime?.Status),
      ...optionalBlock('time', d.ReplicationTime?.Time, () => attr('minutes', d.ReplicationTime?.Time?.Minutes)),
    ]),
    ...optionalBlock('metrics', d.Metrics, () => [
      ...attr('status', d.Metrics?.Status),
      ...optionalBlock('event_threshold', d.Metrics?.EventThreshold, () => attr('minutes', d.Metrics?.EventThreshold?.Minutes)),
    ]),
  ]);
}

function terraformRule(rule: ReplicationRule): HclItem {
  const ssc = rule.SourceSelectionCriteria;
  return block('rule', [
    ...attr('id', rule.ID),
    ...attr('priority', rule.Priority),
    ...attr('prefix', rule.Prefix),
    ...attr('status', rule.Status),
    ...terraformFilter(rule),
    ...statusBlock('delete_marker_replication', rule.DeleteMarkerReplication),
    terraformDestination(rule),
    ...optionalBlock('source_selection_criteria', ssc, () => [
      ...statusBlock('replica_modifications', ssc?.ReplicaModifications),
      ...statusBlock('sse_kms_encrypted_objects', ssc?.SseKmsEncryptedObjects),
    ]),
    ...statusBlock('existing_object_replication', rule.ExistingObjectReplication),
  ]);
}

/** A Terraform resource label derived from the bucket name (letters, digits, `_`, `-`; not starting with a digit). */
export function terraformResourceName(bucket: string): string {
  const name = bucket.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `bucket_${name}`;
}

export function toTerraform(sourceBucket: string, config: ReplicationConfiguration, resourceName = terraformResourceName(sourceBucket)): string {
  const resource = block(`resource "aws_s3_bucket_replication_configuration" ${hclString(resourceName)}`, [
    ...attr('role', config.Role),
    ...attr('bucket', sourceBucket),
    ...config.Rules.map(terraformRule),
  ]);
  return `${renderHcl([resource], '').join('\n')}\n`;
}

// ---------------------------------------------------------------- CloudFormation

type YamlValue = string | number | YamlValue[] | { [key: string]: YamlValue | undefined };

const YAML_RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const YAML_NUMBER = /^[-+]?(?:\.?\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain =
    /^[A-Za-z0-9_./@+=$][A-Za-z0-9_ ./:@+=$*-]*$/.test(value) &&
    !value.endsWith(' ') &&
    !value.includes(': ') &&
    !value.endsWith(':') &&
    !YAML_RESERVED.test(value) &&
    !YAML_NUMBER.test(value);
  return plain ? value : JSON.stringify(value);
}

function yamlLines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const [first, ...rest] = yamlLines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => {
      if (v === undefined) return [];
      if (typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => x === undefined)) return [`${indent}${key}: {}`];
      if (typeof v === 'object') return [`${indent}${key}:`, ...yamlLines(v, `${indent}  `)];
      return [`${indent}${key}: ${yamlScalar(v)}`];
    });
  }
  return [`${indent}${yamlScalar(value)}`];
}

const status = (holder: { Status?: string } | undefined): YamlValue | undefined =>
  holder === undefined ? undefined : { Status: holder.Status };
const tagYaml = (tag: Tag): YamlValue => ({ Key: tag.Key, Value: tag.Value });

function cfnRule(rule: ReplicationRule): YamlValue {
  const f = rule.Filter;
  const d = rule.Destination;
  const ssc = rule.SourceSelectionCriteria;
  return {
    Id: rule.ID,
    Priority: rule.Priority,
    Prefix: rule.Prefix,
    Status: rule.Status,
    Filter: f && {
      Prefix: f.Prefix,
      TagFilter: f.Tag && tagYaml(f.Tag),
      And: f.And && { Prefix: f.And.Prefix, TagFilters: f.And.Tags?.length ? f.And.Tags.map(tagYaml) : undefined },
    },
    Destination: {
      Bucket: d.Bucket,
      StorageClass: d.StorageClass,
      Account: d.Account,
      AccessControlTranslation: d.AccessControlTranslation && { Owner: d.AccessControlTranslation.Owner },
      EncryptionConfiguration: d.EncryptionConfiguration && { ReplicaKmsKeyID: d.EncryptionConfiguration.ReplicaKmsKeyID },
      ReplicationTime: d.ReplicationTime && {
        Status: d.ReplicationTime.Status,
        Time: d.ReplicationTime.Time && { Minutes: d.ReplicationTime.Time.Minutes },
      },
      Metrics: d.Metrics && {
        Status: d.Metrics.Status,
        EventThreshold: d.Metrics.EventThreshold && { Minutes: d.Metrics.EventThreshold.Minutes },
      },
    },
    DeleteMarkerReplication: status(rule.DeleteMarkerReplication),
    SourceSelectionCriteria: ssc && {
      SseKmsEncryptedObjects: status(ssc.SseKmsEncryptedObjects),
      ReplicaModifications: status(ssc.ReplicaModifications),
    },
  };
}

/** The `ReplicationConfiguration` property of an `AWS::S3::Bucket`, as YAML (indent it under `Properties:`). */
export function toCloudFormationYaml(config: ReplicationConfiguration): string {
  const value: YamlValue = { ReplicationConfiguration: { Role: config.Role, Rules: config.Rules.map(cfnRule) } };
  return `${yamlLines(value, '').join('\n')}\n`;
}
