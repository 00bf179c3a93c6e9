import { iamArn } from '../iam/account';
import { deleteConflict, entityAlreadyExists, noSuchNamedEntity } from '../iam/iam-error';
import { newIamId } from '../iam/ids';
import { toIamRole, type IamRoleRow } from './iam-rows';
import type { IamRole, IamTag } from './iam-types';
import type { MetadataDb } from './metadata';

export interface NewRole {
  name: string;
  path: string;
  assumeRolePolicy: string;
  description?: string;
  maxSessionDuration: number;
  tags: IamTag[];
}

export class IamRoleStore {
  constructor(private readonly db: MetadataDb) {}

  find(name: string): IamRole | undefined {
    const row = this.db.prepare<[string], IamRoleRow>('SELECT * FROM iam_roles WHERE name_key = ?').get(name.toLowerCase());
    return row ? toIamRole(row) : undefined;
  }

  require(name: string): IamRole {
    const role = this.find(name);
    if (!role) throw noSuchNamedEntity('role', name);
    return role;
  }

  findByArn(arn: string): IamRole | undefined {
    const row = this.db.prepare<[string], IamRoleRow>('SELECT * FROM iam_roles WHERE arn = ?').get(arn);
    return row ? toIamRole(row) : undefined;
  }

  /** Roles whose path starts with `pathPrefix`, ordered by name. */
  list(pathPrefix = '/'): IamRole[] {
    return this.db
      .prepare<[{ prefix: string }], IamRoleRow>('SELECT * FROM iam_roles WHERE substr(path, 1, length(@prefix)) = @prefix ORDER BY name_key')
      .all({ prefix: pathPrefix })
      .map(toIamRole);
  }

  create(input: NewRole): IamRole {
    return this.db.transaction(() => {
      if (this.find(input.name)) throw entityAlreadyExists('role', input.name);
      this.db
        .prepare(
          `INSERT INTO iam_roles (id, name, name_key, path, arn, assume_role_policy, description, max_session_duration, tags, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          newIamId('AROA'),
          input.name,
          input.name.toLowerCase(),
          input.path,
          iamArn('role', input.path, input.name),
          input.assumeRolePolicy,
          input.description ?? null,
          input.maxSessionDuration,
          JSON.stringify(input.tags),
          Date.now(),
        );
      return this.require(input.name);
    })();
  }

  updateAssumeRolePolicy(name: string, document: string): void {
    const role = this.require(name);
    this.db.prepare('UPDATE iam_roles SET assume_role_policy = ? WHERE id = ?').run(document, role.id);
  }

  delete(name: string): void {
    this.db.transaction(() => {
      const role = this.require(name);
      const attached = this.db
        .prepare("SELECT 1 FROM iam_policy_attachments WHERE entity_type = 'role' AND entity_id = ? LIMIT 1")
        .get(role.id);
      if (attached) throw deleteConflict('Cannot delete entity, must detach all policies first.');
      const inline = this.db
        .prepare("SELECT 1 FROM iam_inline_policies WHERE entity_type = 'role' AND entity_id = ? LIMIT 1")
        .get(role.id);
      if (inline) throw deleteConflict('Cannot delete entity, must delete policies first.');
      this.db.prepare('DELETE FROM iam_roles WHERE id = ?').run(role.id);
    })();
  }
}
