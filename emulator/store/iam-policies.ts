import { createHash } from 'node:crypto';
import { awsManagedPolicyArn, iamArn } from '../iam/account';
import {
  IamError,
  deleteConflict,
  noSuchEntity,
  noSuchPolicy,
  policyAlreadyExists,
  policyNotAttachable,
  quotaExceeded,
} from '../iam/iam-error';
import { newIamId } from '../iam/ids';
import { toIamManagedPolicy, type IamPolicyRow } from './iam-rows';
import type {
  AttachedPolicyRef,
  IamEntityRef,
  IamEntityType,
  IamManagedPolicy,
  IamPolicyVersion,
  IamTag,
  PolicyScope,
} from './iam-types';
import type { MetadataDb } from './metadata';

export const MAX_MANAGED_POLICIES_PER_ENTITY = 10;

const ATTACHMENT_QUOTA: Record<IamEntityType, string> = {
  role: 'PoliciesPerRole',
  user: 'PoliciesPerUser',
  group: 'PoliciesPerGroup',
};

export interface NewManagedPolicy {
  name: string;
  path: string;
  description?: string;
  document: string;
  tags: IamTag[];
}

export interface AwsManagedPolicyDefinition {
  name: string;
  path: string;
  description: string;
  document: string;
}

export interface PolicyListFilter {
  scope: 'All' | PolicyScope;
  onlyAttached: boolean;
  pathPrefix: string;
}

const POLICY_SELECT = `SELECT p.*, (SELECT count(*) FROM iam_policy_attachments a WHERE a.policy_id = p.id) AS attachment_count
  FROM iam_policies p`;

export class IamPolicyStore {
  constructor(private readonly db: MetadataDb) {}

  find(arn: string): IamManagedPolicy | undefined {
    const row = this.db.prepare<[string], IamPolicyRow>(`${POLICY_SELECT} WHERE p.arn = ?`).get(arn);
    return row ? toIamManagedPolicy(row) : undefined;
  }

  require(arn: string): IamManagedPolicy {
    const policy = this.find(arn);
    if (!policy) throw noSuchPolicy(arn);
    return policy;
  }

  list(filter: PolicyListFilter): IamManagedPolicy[] {
    return this.db
      .prepare<[{ scope: string; prefix: string; onlyAttached: number }], IamPolicyRow>(
        `${POLICY_SELECT}
         WHERE (@scope = 'All' OR p.scope = @scope) AND substr(p.path, 1, length(@prefix)) = @prefix
           AND (@onlyAttached = 0 OR EXISTS (SELECT 1 FROM iam_policy_attachments a WHERE a.policy_id = p.id))
         ORDER BY p.name_key, p.arn`,
      )
      .all({ scope: filter.scope, prefix: filter.pathPrefix, onlyAttached: filter.onlyAttached ? 1 : 0 })
      .map(toIamManagedPolicy);
  }

  /** Inserts the AWS managed policies that are not there yet (ids derived from the name, so stable across starts). */
  seedAwsManaged(definitions: readonly AwsManagedPolicyDefinition[]): void {
    const insertPolicy = this.db.prepare(
      `INSERT OR IGNORE INTO iam_policies
         (id, arn, name, name_key, path, scope, description, default_version, next_version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'AWS', ?, 'v1', 2, ?, ?)`,
    );
    const insertVersion = this.db.prepare(
      `INSERT OR IGNORE INTO iam_policy_versions (policy_id, version_id, document, created_at) VALUES (?, 'v1', ?, ?)`,
    );
    // AWS's managed policies carry their own (old) creation dates; one fixed date keeps responses stable.
    const created = Date.UTC(2015, 1, 6, 18, 39, 46);
    this.db.transaction(() => {
      for (const definition of definitions) {
        const id = `ANPA${createHash('sha256').update(definition.name).digest('hex').slice(0, 17).toUpperCase()}`;
        const arn = awsManagedPolicyArn(definition.path, definition.name);
        insertPolicy.run(id, arn, definition.name, definition.name.toLowerCase(), definition.path, definition.description, created, created);
        insertVersion.run(id, definition.document, created);
      }
    })();
  }

  create(input: NewManagedPolicy): IamManagedPolicy {
    return this.db.transaction(() => {
      const duplicate = this.db
        .prepare("SELECT 1 FROM iam_policies WHERE scope = 'Local' AND name_key = ?")
        .get(input.name.toLowerCase());
      if (duplicate) throw policyAlreadyExists(input.name);
      const id = newIamId('ANPA');
      const arn = iamArn('policy', input.path, input.name);
      const now = Date.now();
      this.db
        .prepare(
          `INSERT INTO iam_policies
             (id, arn, name, name_key, path, scope, description, default_version, next_version, tags, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'Local', ?, 'v1', 2, ?, ?, ?)`,
        )
        .run(id, arn, input.name, input.name.toLowerCase(), input.path, input.description ?? null, JSON.stringify(input.tags), now, now);
      this.db
        .prepare(`INSERT INTO iam_policy_versions (policy_id, version_id, document, created_at) VALUES (?, 'v1', ?, ?)`)
        .run(id, input.document, now);
      return this.require(arn);
    })();
  }

  delete(arn: string): void {
    this.db.transaction(() => {
      const policy = this.require(arn);
      if (policy.scope === 'AWS') {
        throw new IamError('UnmodifiableEntity', `Cannot delete an AWS managed policy: ${arn}.`, 400);
      }
      if (policy.attachmentCount > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
      this.db.prepare('DELETE FROM iam_policies WHERE id = ?').run(policy.id);
    })();
  }

  getVersion(arn: string, versionId: string): IamPolicyVersion {
    const policy = this.require(arn);
    const row = this.db
      .prepare<[string, string], { version_id: string; document: string; created_at: number }>(
        'SELECT version_id, document, created_at FROM iam_policy_versions WHERE policy_id = ? AND version_id = ?',
      )
      .get(policy.id, versionId);
    if (!row) throw noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
    return {
      versionId: row.version_id,
      document: row.document,
      isDefault: row.version_id === policy.defaultVersion,
      createdAt: row.created_at,
    };
  }

  /** Attaches a managed policy; attaching it again changes nothing, as in IAM. */
  attach(entity: IamEntityRef, arn: string): void {
    this.db.transaction(() => {
      const policy = this.find(arn);
      if (!policy) throw policyNotAttachable(arn);
      const already = this.db
        .prepare('SELECT 1 FROM iam_policy_attachments WHERE entity_type = ? AND entity_id = ? AND policy_id = ?')
        .get(entity.type, entity.id, policy.id);
      if (already) return;
      if (this.attachedTo(entity).length >= MAX_MANAGED_POLICIES_PER_ENTITY) {
        throw quotaExceeded(ATTACHMENT_QUOTA[entity.type], MAX_MANAGED_POLICIES_PER_ENTITY);
      }
      this.db
        .prepare('INSERT INTO iam_policy_attachments (entity_type, entity_id, policy_id, attached_at) VALUES (?, ?, ?, ?)')
        .run(entity.type, entity.id, policy.id, Date.now());
    })();
  }

  detach(entity: IamEntityRef, arn: string): void {
    const policy = this.find(arn);
    const removed = policy
      ? this.db
          .prepare('DELETE FROM iam_policy_attachments WHERE entity_type = ? AND entity_id = ? AND policy_id = ?')
          .run(entity.type, entity.id, policy.id).changes
      : 0;
    if (removed === 0) throw noSuchPolicy(arn);
  }

  attachedTo(entity: IamEntityRef): AttachedPolicyRef[] {
    return this.db
      .prepare<[string, string], AttachedPolicyRef>(
        `SELECT p.name AS name, p.arn AS arn FROM iam_policies p JOIN iam_policy_attachments a ON a.policy_id = p.id
         WHERE a.entity_type = ? AND a.entity_id = ? ORDER BY p.name_key, p.arn`,
      )
      .all(entity.type, entity.id);
  }

  /** The default-version documents of every managed policy attached to the entity. */
  attachedDocuments(entity: IamEntityRef): string[] {
    return this.db
      .prepare<[string, string], { document: string }>(
        `SELECT v.document AS document FROM iam_policy_attachments a
         JOIN iam_policies p ON p.id = a.policy_id
         JOIN iam_policy_versions v ON v.policy_id = p.id AND v.version_id = p.default_version
         WHERE a.entity_type = ? AND a.entity_id = ?`,
      )
      .all(entity.type, entity.id)
      .map((row) => row.document);
  }
}
