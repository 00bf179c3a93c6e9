import { newIamId, newSecretAccessKey } from '../iam/ids';
import { noSuchEntity, quotaExceeded } from '../iam/iam-error';
import { toIamAccessKey, type IamAccessKeyRow } from './iam-rows';
import type { AccessKeyStatus, IamAccessKey } from './iam-types';
import type { IamUserStore } from './iam-users';
import type { MetadataDb } from './metadata';

export const MAX_ACCESS_KEYS_PER_USER = 2;

const KEY_SELECT = `SELECT k.access_key_id, k.secret_access_key, k.status, k.created_at, u.name AS user_name
  FROM iam_access_keys k JOIN iam_users u ON u.id = k.user_id`;

export class IamAccessKeyStore {
  constructor(
    private readonly db: MetadataDb,
    private readonly users: IamUserStore,
  ) {}

  /** Any key by id, with its user's name; used to verify signatures, so it is one indexed lookup. */
  find(accessKeyId: string): IamAccessKey | undefined {
    const row = this.db.prepare<[string], IamAccessKeyRow>(`${KEY_SELECT} WHERE k.access_key_id = ?`).get(accessKeyId);
    return row ? toIamAccessKey(row) : undefined;
  }

  listForUser(userName: string): IamAccessKey[] {
    const user = this.users.require(userName);
    return this.db
      .prepare<[string], IamAccessKeyRow>(`${KEY_SELECT} WHERE k.user_id = ? ORDER BY k.created_at, k.access_key_id`)
      .all(user.id)
      .map(toIamAccessKey);
  }

  create(userName: string): IamAccessKey {
    return this.db.transaction(() => {
      const user = this.users.require(userName);
      const count = this.db
        .prepare<[string], { n: number }>('SELECT count(*) AS n FROM iam_access_keys WHERE user_id = ?')
        .get(user.id);
      if ((count?.n ?? 0) >= MAX_ACCESS_KEYS_PER_USER) throw quotaExceeded('AccessKeysPerUser', MAX_ACCESS_KEYS_PER_USER);
      const accessKeyId = newIamId('AKIA');
      this.db
        .prepare(
          `INSERT INTO iam_access_keys (access_key_id, user_id, secret_access_key, status, created_at)
           VALUES (?, ?, ?, 'Active', ?)`,
        )
        .run(accessKeyId, user.id, newSecretAccessKey(), Date.now());
      return this.find(accessKeyId) as IamAccessKey;
    })();
  }

  setStatus(userName: string, accessKeyId: string, status: AccessKeyStatus): void {
    const user = this.users.require(userName);
    const changed = this.db
      .prepare('UPDATE iam_access_keys SET status = ? WHERE access_key_id = ? AND user_id = ?')
      .run(status, accessKeyId, user.id);
    if (changed.changes === 0) throw noSuchKey(accessKeyId);
  }

  delete(userName: string, accessKeyId: string): void {
    const user = this.users.require(userName);
    const removed = this.db
      .prepare('DELETE FROM iam_access_keys WHERE access_key_id = ? AND user_id = ?')
      .run(accessKeyId, user.id);
    if (removed.changes === 0) throw noSuchKey(accessKeyId);
  }
}

function noSuchKey(accessKeyId: string) {
  return noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
}
