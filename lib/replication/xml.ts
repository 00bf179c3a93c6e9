import {
  replicationConfigurationSchema,
  type ReplicationConfiguration,
} from '@/lib/replication/schema';
import { MALFORMED_XML_MESSAGE } from '@/lib/replication/s3-messages';
import { escapeXmlText, parseXmlTree, type XmlElement } from '@/lib/replication/xml-tree';

export { MALFORMED_XML_MESSAGE } from '@/lib/replication/s3-messages';

export const S3_XML_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export interface ReplicationXmlError {
  code: 'MalformedXML';
  message: string;
  /** Why it was rejected (not sent by S3; for logs and tests). */
  detail: string;
}

export type ParseReplicationXmlResult =
  | { ok: true; config: ReplicationConfiguration }
  | { ok: false; error: ReplicationXmlError };

type FieldShape = { kind: 'text' } | { kind: 'int' } | { kind: 'struct'; fields: readonly FieldSpec[] };

/** One XML child element and the JSON member it maps to; `list` = a flattened repeated element. */
interface FieldSpec {
  xml: string;
  json: string;
  shape: FieldShape;
  list?: true;
}

const text: FieldShape = { kind: 'text' };
const int: FieldShape = { kind: 'int' };
const struct = (...fields: FieldSpec[]): FieldShape => ({ kind: 'struct', fields });
const field = (xml: string, shape: FieldShape, json = xml): FieldSpec => ({ xml, json, shape });
const list = (xml: string, json: string, shape: FieldShape): FieldSpec => ({ xml, json, shape, list: true });

const statusOnly = struct(field('Status', text));
const tag = struct(field('Key', text), field('Value', text));
const timeValue = struct(field('Minutes', int));

// Member order follows the API model (botocore shapes), which is also the order we serialise in.
const ruleShape = struct(
  field('ID', text),
  field('Priority', int),
  field('Prefix', text),
  field('Filter', struct(field('Prefix', text), field('Tag', tag), field('And', struct(field('Prefix', text), list('Tag', 'Tags', tag))))),
  field('Status', text),
  field('SourceSelectionCriteria', struct(field('SseKmsEncryptedObjects', statusOnly), field('ReplicaModifications', statusOnly))),
  field('ExistingObjectReplication', statusOnly),
  field(
    'Destination',
    struct(
      field('Bucket', text),
      field('Account', text),
      field('StorageClass', text),
      field('AccessControlTranslation', struct(field('Owner', text))),
      field('EncryptionConfiguration', struct(field('ReplicaKmsKeyID', text))),
      field('ReplicationTime', struct(field('Status', text), field('Time', timeValue))),
      field('Metrics', struct(field('Status', text), field('EventThreshold', timeValue))),
    ),
  ),
  field('DeleteMarkerReplication', statusOnly),
);

const configurationShape = struct(field('Role', text), list('Rule', 'Rules', ruleShape));

type JsonValue = string | number | JsonObject | JsonValue[];
interface JsonObject {
  [key: string]: JsonValue;
}

class XmlShapeError extends Error {}

function readElement(element: XmlElement, shape: FieldShape, path: string): JsonValue {
  if (shape.kind !== 'struct') {
    if (element.children.length > 0) throw new XmlShapeError(`${path} must not contain elements`);
    if (shape.kind === 'text') return element.text;
    // xs:int collapses surrounding whitespace; strings are kept exactly.
    const trimmed = element.text.trim();
    if (!/^[+-]?\d{1,10}$/.test(trimmed)) throw new XmlShapeError(`${path} is not an integer`);
    const value = Number(trimmed);
    if (value > 2147483647 || value < -2147483648) throw new XmlShapeError(`${path} is out of range`);
    return value;
  }
  if (element.text.trim() !== '') throw new XmlShapeError(`${path} must not contain text`);
  const result: JsonObject = {};
  for (const child of element.children) {
    const spec = shape.fields.find((f) => f.xml === child.name);
    if (!spec) throw new XmlShapeError(`unknown element ${path}/${child.name}`);
    const value = readElement(child, spec.shape, `${path}/${child.name}`);
    if (spec.list) {
      const existing = result[spec.json];
      if (Array.isArray(existing)) existing.push(value);
      else result[spec.json] = [value];
    } else {
      if (spec.json in result) throw new XmlShapeError(`duplicate element ${path}/${child.name}`);
      result[spec.json] = value;
    }
  }
  return result;
}

function malformed(detail: string): ParseReplicationXmlResult {
  return { ok: false, error: { code: 'MalformedXML', message: MALFORMED_XML_MESSAGE, detail } };
}

/** Parses a PutBucketReplication body into the SDK JSON shape. Any schema problem is S3's MalformedXML. */
export function parseReplicationXml(xml: string): ParseReplicationXmlResult {
  const tree = parseXmlTree(xml);
  if (!tree.ok) return malformed(tree.detail);
  if (tree.root.name !== 'ReplicationConfiguration') return malformed(`unexpected root element ${tree.root.name}`);
  let json: JsonValue;
  try {
    json = readElement(tree.root, configurationShape, 'ReplicationConfiguration');
  } catch (error) {
    if (error instanceof XmlShapeError) return malformed(error.message);
    throw error;
  }
  const parsed = replicationConfigurationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return malformed(`${issue.path.join('.') || 'ReplicationConfiguration'}: ${issue.message}`);
  }
  const config = parsed.data;
  if (config.Rules.length === 0) return malformed('at least one Rule is required');
  const withExisting = config.Rules.findIndex((rule) => rule.ExistingObjectReplication !== undefined);
  if (withExisting >= 0) return malformed(`Rules.${withExisting}.ExistingObjectReplication is no longer supported`);
  return { ok: true, config };
}

function writeValue(name: string, value: unknown, shape: FieldShape): string {
  if (shape.kind !== 'struct') {
    return `<${name}>${escapeXmlText(String(value))}</${name}>`;
  }
  const object = value as Record<string, unknown>;
  let inner = '';
  for (const spec of shape.fields) {
    const member = object[spec.json];
    if (member === undefined || member === null) continue;
    if (spec.list) {
      for (const item of member as unknown[]) inner += writeValue(spec.xml, item, spec.shape);
    } else {
      inner += writeValue(spec.xml, member, spec.shape);
    }
  }
  return `<${name}>${inner}</${name}>`;
}

/**
 * Serialises a configuration as S3's GetBucketReplication body, members in API-model order.
 * parseReplicationXml(replicationConfigToXml(c)) deep-equals c for every configuration it accepted.
 */
export function replicationConfigToXml(config: ReplicationConfiguration): string {
  const body = writeValue('ReplicationConfiguration', config, configurationShape);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(
    '<ReplicationConfiguration>',
    `<ReplicationConfiguration xmlns="${S3_XML_NAMESPACE}">`,
  )}`;
}
