import { iamArn } from '../iam/account';
import { deleteConflict, entityAlreadyExists, noSuchNamedEntity } from '../iam/iam-error';
import { newIamId } from '../iam/ids';
import { toIamUser, type IamUserRow } from './iam-rows';
import type { IamTag, IamUser } from './iam-types';
import type { MetadataDb } from './metadata';

export interface NewUser {
  name: string;
  path: string;
  tags: IamTag[];
}

export class IamUserStore {
  constructor(private readonly db: MetadataDb) {}

  find(name: string): IamUser | undefined {
    const row = this.db.prepare<[string], IamUserRow>('SELECT * FROM iam_users WHERE name_key = ?').get(name.toLowerCase());
    return row ? toIamUser(row) : undefined;
  }

  require(name: string): IamUser {
    const user = this.find(name);
    if (!user) throw noSuchNamedEntity('user', name);
    return user;
  }

  list(pathPrefix = '/'): IamUser[] {
    return this.db
      .prepare<[{ prefix: string }], IamUserRow>('SELECT * FROM iam_users WHERE substr(path, 1, length(@prefix)) = @prefix ORDER BY name_key')
      .all({ prefix: pathPrefix })
      .map(toIamUser);
  }

  create(input: NewUser): IamUser {
    return this.db.transaction(() => {
      if (this.find(input.name)) throw entityAlreadyExists('user', input.name);
      this.db
        .prepare('INSERT INTO iam_users (id, name, name_key, path, arn, tags, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(
          newIamId('AIDA'),
          input.name,
          input.name.toLowerCase(),
          input.path,
          iamArn('user', input.path, input.name),
          JSON.stringify(input.tags),
          Date.now(),
        );
      return this.require(input.name);
    })();
  }

  /** Deletes a user that has no access keys, group memberships or policies left (IAM's DeleteConflict otherwise). */
  delete(name: string): void {
    this.db.transaction(() => {
      const user = this.require(name);
      const has = (sql: string) => this.db.prepare(sql).get(user.id) !== undefined;
      if (has('SELECT 1 FROM iam_access_keys WHERE user_id = ? LIMIT 1')) {
        throw deleteConflict('Cannot delete entity, must delete access keys first.');
      }
      if (has('SELECT 1 FROM iam_group_members WHERE user_id = ? LIMIT 1')) {
        throw deleteConflict('Cannot delete entity, must remove user from all groups first.');
      }
      if (has("SELECT 1 FROM iam_policy_attachments WHERE entity_type = 'user' AND entity_id = ? LIMIT 1")) {
        throw deleteConflict('Cannot delete entity, must detach all policies first.');
      }
      if (has("SELECT 1 FROM iam_inline_policies WHERE entity_type = 'user' AND entity_id = ? LIMIT 1")) {
        throw deleteConflict('Cannot delete entity, must delete policies first.');
      }
      this.db.prepare('DELETE FROM iam_users WHERE id = ?').run(user.id);
    })();
  }
}
