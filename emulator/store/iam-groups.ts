import { iamArn } from '../iam/account';
import { deleteConflict, entityAlreadyExists, noSuchEntity, noSuchNamedEntity, quotaExceeded } from '../iam/iam-error';
import { newIamId } from '../iam/ids';
import { toIamGroup, toIamUser, type IamGroupRow, type IamUserRow } from './iam-rows';
import type { IamGroup, IamUser } from './iam-types';
import type { IamUserStore } from './iam-users';
import type { MetadataDb } from './metadata';

export const MAX_GROUPS_PER_USER = 10;

export class IamGroupStore {
  constructor(
    private readonly db: MetadataDb,
    private readonly users: IamUserStore,
  ) {}

  find(name: string): IamGroup | undefined {
    const row = this.db.prepare<[string], IamGroupRow>('SELECT * FROM iam_groups WHERE name_key = ?').get(name.toLowerCase());
    return row ? toIamGroup(row) : undefined;
  }

  require(name: string): IamGroup {
    const group = this.find(name);
    if (!group) throw noSuchNamedEntity('group', name);
    return group;
  }

  list(pathPrefix = '/'): IamGroup[] {
    return this.db
      .prepare<[{ prefix: string }], IamGroupRow>('SELECT * FROM iam_groups WHERE substr(path, 1, length(@prefix)) = @prefix ORDER BY name_key')
      .all({ prefix: pathPrefix })
      .map(toIamGroup);
  }

  create(name: string, path: string): IamGroup {
    return this.db.transaction(() => {
      if (this.find(name)) throw entityAlreadyExists('group', name);
      this.db
        .prepare('INSERT INTO iam_groups (id, name, name_key, path, arn, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(newIamId('AGPA'), name, name.toLowerCase(), path, iamArn('group', path, name), Date.now());
      return this.require(name);
    })();
  }

  delete(name: string): void {
    this.db.transaction(() => {
      const group = this.require(name);
      const has = (sql: string) => this.db.prepare(sql).get(group.id) !== undefined;
      if (has('SELECT 1 FROM iam_group_members WHERE group_id = ? LIMIT 1')) {
        throw deleteConflict('Cannot delete entity, must remove users from group first.');
      }
      if (has("SELECT 1 FROM iam_policy_attachments WHERE entity_type = 'group' AND entity_id = ? LIMIT 1")) {
        throw deleteConflict('Cannot delete entity, must detach all policies first.');
      }
      if (has("SELECT 1 FROM iam_inline_policies WHERE entity_type = 'group' AND entity_id = ? LIMIT 1")) {
        throw deleteConflict('Cannot delete entity, must delete policies first.');
      }
      this.db.prepare('DELETE FROM iam_groups WHERE id = ?').run(group.id);
    })();
  }

  /** Adds the user to the group; adding a member again changes nothing, as in IAM. */
  addUser(groupName: string, userName: string): void {
    this.db.transaction(() => {
      const group = this.require(groupName);
      const user = this.users.require(userName);
      const already = this.db
        .prepare('SELECT 1 FROM iam_group_members WHERE group_id = ? AND user_id = ?')
        .get(group.id, user.id);
      if (already) return;
      const count = this.db
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM iam_group_members WHERE user_id = ?')
        .get(user.id);
      if ((count?.n ?? 0) >= MAX_GROUPS_PER_USER) throw quotaExceeded('GroupsPerUser', MAX_GROUPS_PER_USER);
      this.db
        .prepare('INSERT INTO iam_group_members (group_id, user_id, added_at) VALUES (?, ?, ?)')
        .run(group.id, user.id, Date.now());
    })();
  }

  removeUser(groupName: string, userName: string): void {
    this.db.transaction(() => {
      const group = this.require(groupName);
      const user = this.users.require(userName);
      const removed = this.db
        .prepare('DELETE FROM iam_group_members WHERE group_id = ? AND user_id = ?')
        .run(group.id, user.id);
      if (removed.changes === 0) {
        throw noSuchEntity(`The user with name ${user.name} is not a member of group ${group.name}.`);
      }
    })();
  }

  members(groupName: string): { group: IamGroup; users: IamUser[] } {
    const group = this.require(groupName);
    const users = this.db
      .prepare<[string], IamUserRow>(
        `SELECT u.* FROM iam_users u JOIN iam_group_members m ON m.user_id = u.id
         WHERE m.group_id = ? ORDER BY u.name_key`,
      )
      .all(group.id)
      .map(toIamUser);
    return { group, users };
  }

  groupsOfUser(userName: string): IamGroup[] {
    const user = this.users.require(userName);
    return this.db
      .prepare<[string], IamGroupRow>(
        `SELECT g.* FROM iam_groups g JOIN iam_group_members m ON m.group_id = g.id
         WHERE m.user_id = ? ORDER BY g.name_key`,
      )
      .all(user.id)
      .map(toIamGroup);
  }
}
