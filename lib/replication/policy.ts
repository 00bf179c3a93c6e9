import { isAllowed, type RequestContext } from '@/lib/iam/evaluate';
import { asList, policyStatements, type PolicyDocument, type PolicyStatement } from '@/lib/iam/policy-document';
import { fnv1a64Hex } from '@/lib/replication/hash';
import { replicatesKmsObjects, ruleDestinationBucketName, rulePrefix } from '@/lib/replication/rule-shape';
import type { ReplicationConfiguration, ReplicationRule } from '@/lib/replication/schema';

/**
 * The IAM role S3 assumes to replicate (s3-replication.md §4): trust policy, least-privilege permission
 * policy derived from the rules, what an existing role still lacks, and the bucket policy a destination in
 * another account needs. Never a `*` action.
 */

export const S3_SERVICE_PRINCIPAL = 's3.amazonaws.com';
export const BATCH_OPERATIONS_SERVICE_PRINCIPAL = 'batchoperations.s3.amazonaws.com';

export interface BatchReplicationPermissions {
  /** Bucket holding a user-supplied manifest (read). */
  manifestBucket?: string;
  /** Bucket (and optional prefix) receiving the completion report and generated manifest (write). */
  reportBucket?: string;
  reportPrefix?: string;
}

export interface ReplicationPolicyInput {
  sourceBucket: string;
  configuration: Pick<ReplicationConfiguration, 'Rules'>;
  /** Used in `kms:ViaService` conditions; `*` when unknown. */
  sourceRegion?: string;
  regionOf?: (bucket: string) => string | undefined;
  /** Keys that encrypt source objects (kms:Decrypt). Default: any key in the source Region, limited by conditions. */
  sourceKmsKeyArns?: string[];
  /** Adds s3:GetObjectRetention / s3:GetObjectLegalHold so Object Lock settings replicate. */
  objectLock?: boolean;
  /** Adds what S3 Batch Replication needs (also add the batch principal to the trust policy). */
  batch?: BatchReplicationPermissions;
}

const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;

/** IAM reads `*`, `?` and `${` in resources specially; `${*}`, `${?}`, `${$}` are the literal characters. */
function escapeIamPattern(value: string): string {
  return value.replace(/[$*?]/g, (c) => `\${${c}}`);
}

/** Object ARNs covering the given key prefixes; `bucket/*` as soon as one prefix is empty. */
function objectResources(bucket: string, prefixes: readonly string[]): string[] {
  if (prefixes.length === 0 || prefixes.includes('')) return [`${bucketArn(bucket)}/*`];
  return [...new Set(prefixes)].map((p) => `${bucketArn(bucket)}/${escapeIamPattern(p)}*`);
}

function rulesByDestination(rules: readonly ReplicationRule[]): Map<string, ReplicationRule[]> {
  const map = new Map<string, ReplicationRule[]>();
  for (const rule of rules) {
    const name = ruleDestinationBucketName(rule);
    map.set(name, [...(map.get(name) ?? []), rule]);
  }
  return map;
}

export function replicationTrustPolicy(options: { batch?: boolean } = {}): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: options.batch ? [S3_SERVICE_PRINCIPAL, BATCH_OPERATIONS_SERVICE_PRINCIPAL] : S3_SERVICE_PRINCIPAL },
        Action: 'sts:AssumeRole',
      },
    ],
  };
}

const viaService = (region: string | undefined) => `s3.${region ?? '*'}.amazonaws.com`;

function kmsStatements(input: ReplicationPolicyInput, sourceObjects: string[]): PolicyStatement[] {
  const kmsRules = input.configuration.Rules.filter(replicatesKmsObjects);
  if (kmsRules.length === 0) return [];
  const statements: PolicyStatement[] = [
    {
      Sid: 'SourceKmsDecrypt',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: input.sourceKmsKeyArns?.length ? input.sourceKmsKeyArns : `arn:aws:kms:${input.sourceRegion ?? '*'}:*:key/*`,
      Condition: {
        StringLike: {
          'kms:ViaService': viaService(input.sourceRegion),
          // With S3 Bucket Keys the encryption context is the bucket ARN, otherwise the object ARN.
          'kms:EncryptionContext:aws:s3:arn': [bucketArn(input.sourceBucket), ...sourceObjects],
        },
      },
    },
  ];
  const byKey = new Map<string, ReplicationRule[]>();
  for (const rule of kmsRules) {
    const key = rule.Destination.EncryptionConfiguration?.ReplicaKmsKeyID;
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), rule]);
  }
  [...byKey.entries()].forEach(([key, rules], index) => {
    const buckets = [...new Set(rules.map(ruleDestinationBucketName))];
    const regions = [...new Set(buckets.map((b) => viaService(input.regionOf?.(b))))];
    const contexts = buckets.flatMap((b) => [
      bucketArn(b),
      ...objectResources(b, rules.filter((r) => ruleDestinationBucketName(r) === b).map(rulePrefix)),
    ]);
    statements.push({
      Sid: `DestinationKmsEncrypt${index + 1}`,
      Effect: 'Allow',
      Action: 'kms:Encrypt',
      Resource: key,
      Condition: { StringLike: { 'kms:ViaService': regions.length === 1 ? regions[0] : regions, 'kms:EncryptionContext:aws:s3:arn': contexts } },
    });
  });
  return statements;
}

function batchStatements(input: ReplicationPolicyInput, sourceObjects: string[]): PolicyStatement[] {
  const batch = input.batch;
  if (!batch) return [];
  const statements: PolicyStatement[] = [
    { Sid: 'BatchInitiateReplication', Effect: 'Allow', Action: 's3:InitiateReplication', Resource: sourceObjects },
    {
      Sid: 'BatchGenerateManifest',
      Effect: 'Allow',
      Action: ['s3:GetReplicationConfiguration', 's3:PutInventoryConfiguration'],
      Resource: bucketArn(input.sourceBucket),
    },
  ];
  if (batch.manifestBucket) {
    statements.push({
      Sid: 'BatchReadManifest',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: `${bucketArn(batch.manifestBucket)}/*`,
    });
  }
  if (batch.reportBucket) {
    statements.push({
      Sid: 'BatchWriteReport',
      Effect: 'Allow',
      Action: 's3:PutObject',
      Resource: objectResources(batch.reportBucket, [batch.reportPrefix ?? '']),
    });
  }
  return statements;
}

/** The least-privilege permission policy for the configuration's role. */
export function replicationPermissionPolicy(input: ReplicationPolicyInput): PolicyDocument {
  const rules = input.configuration.Rules;
  const sourceObjects = objectResources(input.sourceBucket, rules.map(rulePrefix));
  const destinations = rulesByDestination(rules);
  const destinationObjects = [...destinations.entries()].flatMap(([bucket, rs]) => objectResources(bucket, rs.map(rulePrefix)));
  const overrideObjects = [...destinations.entries()].flatMap(([bucket, rs]) => {
    const overriding = rs.filter((r) => r.Destination.AccessControlTranslation !== undefined);
    return overriding.length ? objectResources(bucket, overriding.map(rulePrefix)) : [];
  });

  const statements: PolicyStatement[] = [
    {
      Sid: 'SourceBucketConfiguration',
      Effect: 'Allow',
      Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
      Resource: bucketArn(input.sourceBucket),
    },
    {
      Sid: 'SourceObjectVersions',
      Effect: 'Allow',
      Action: [
        's3:GetObjectVersionForReplication',
        's3:GetObjectVersionAcl',
        's3:GetObjectVersionTagging',
        ...(input.objectLock ? ['s3:GetObjectRetention', 's3:GetObjectLegalHold'] : []),
      ],
      Resource: sourceObjects,
    },
  ];
  if (destinationObjects.length > 0) {
    statements.push({
      Sid: 'DestinationReplicate',
      Effect: 'Allow',
      Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
      Resource: destinationObjects,
    });
  }
  if (overrideObjects.length > 0) {
    statements.push({ Sid: 'DestinationOwnerOverride', Effect: 'Allow', Action: 's3:ObjectOwnerOverrideToBucketOwner', Resource: overrideObjects });
  }
  statements.push(...kmsStatements(input, sourceObjects), ...batchStatements(input, sourceObjects));
  return { Version: '2012-10-17', Statement: statements };
}

export interface MissingPermission {
  sid?: string;
  action: string;
  resource: string;
}

/** A request context that satisfies a required statement's own conditions (first value of each key). */
function contextFor(statement: PolicyStatement): RequestContext {
  const conditionKeys: Record<string, string> = {};
  for (const block of Object.values(statement.Condition ?? {})) {
    for (const [key, value] of Object.entries(block)) conditionKeys[key] = String(asList(value)[0]);
  }
  return { conditionKeys };
}

/**
 * Each (action, resource) pair of `required` that `existingPolicies` do not allow — what the console must
 * add before reusing an existing role. Resource patterns are checked as literal strings, so an existing
 * `bucket/*` covers a required `bucket/logs/*`, but not the other way round.
 */
export function missingStatements(existingPolicies: readonly PolicyDocument[], required: PolicyDocument): MissingPermission[] {
  const missing: MissingPermission[] = [];
  for (const statement of policyStatements(required)) {
    if (statement.Effect !== 'Allow') continue;
    const context = contextFor(statement);
    for (const action of asList(statement.Action)) {
      for (const resource of asList(statement.Resource)) {
        if (isAllowed(existingPolicies, action, resource, context).decision !== 'Allow') {
          missing.push({ sid: statement.Sid, action, resource });
        }
      }
    }
  }
  return missing;
}

export interface DestinationBucketPolicyInput {
  /** The replication role (in the source account). */
  roleArn: string;
  destinationBucket: string;
  configuration: Pick<ReplicationConfiguration, 'Rules'>;
}

/**
 * The bucket policy the owner of a destination bucket in another account applies so that the source
 * account's role can replicate into it (only the rules targeting this bucket count).
 */
export function destinationBucketPolicy(input: DestinationBucketPolicyInput): PolicyDocument {
  const rules = input.configuration.Rules.filter((r) => ruleDestinationBucketName(r) === input.destinationBucket);
  const objects = objectResources(input.destinationBucket, rules.map(rulePrefix));
  const ownerOverride = rules.some((r) => r.Destination.AccessControlTranslation !== undefined);
  const principal = { AWS: input.roleArn };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowReplicationToObjects',
        Effect: 'Allow',
        Principal: principal,
        Action: [
          's3:ReplicateObject',
          's3:ReplicateDelete',
          's3:ReplicateTags',
          ...(ownerOverride ? ['s3:ObjectOwnerOverrideToBucketOwner'] : []),
        ],
        Resource: objects,
      },
      {
        // The User Guide's example also grants s3:List* and s3:PutBucketVersioning; replication needs neither.
        Sid: 'AllowReadingBucketVersioning',
        Effect: 'Allow',
        Principal: principal,
        Action: 's3:GetBucketVersioning',
        Resource: bucketArn(input.destinationBucket),
      },
    ],
  };
}

export const IAM_ROLE_NAME_MAX = 64;
export const IAM_POLICY_NAME_MAX = 128;

/** Deterministic name ≤ max: cut and suffixed with `_` + 6 hex of the full name's hash when too long. */
function fitName(full: string, max: number): string {
  if (full.length <= max) return full;
  return `${full.slice(0, max - 7)}_${fnv1a64Hex(full).slice(0, 6)}`;
}

/** The console's role name, as the AWS console names it: `s3crr_role_for_<source>_to_<destination>`. */
export function roleNameFor(source: string, destination: string): string {
  return fitName(`s3crr_role_for_${source}_to_${destination}`, IAM_ROLE_NAME_MAX);
}

/** The managed policy name attached to that role: `s3crr_for_<source>_to_<destination>`. */
export function policyNameFor(source: string, destination: string): string {
  return fitName(`s3crr_for_${source}_to_${destination}`, IAM_POLICY_NAME_MAX);
}

/** The console-created role lives under this path, so its ARN contains `role/service-role/`. */
export const REPLICATION_ROLE_PATH = '/service-role/';
