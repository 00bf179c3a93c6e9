import { limitExceeded, noSuchEntity } from '../iam/iam-error';
import type { IamEntityRef, IamEntityType } from './iam-types';
import type { MetadataDb } from './metadata';

/** IAM's quota on the total size of an entity's inline policies (characters, whitespace not counted). */
export const INLINE_POLICY_SIZE_QUOTA: Record<IamEntityType, number> = { user: 2048, group: 5120, role: 10240 };

const sizeWithoutWhitespace = (document: string): number => document.replace(/\s/g, '').length;

const noSuchInlinePolicy = (entity: IamEntityRef, policyName: string) =>
  noSuchEntity(`The ${entity.type} policy with name ${policyName} cannot be found.`);

export class IamInlinePolicyStore {
  constructor(private readonly db: MetadataDb) {}

  /** Creates or replaces the entity's inline policy `name`. */
  put(entity: IamEntityRef, name: string, document: string): void {
    this.db.transaction(() => {
      const others = this.db
        .prepare<[string, string, string], { document: string }>(
          'SELECT document FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ? AND name <> ?',
        )
        .all(entity.type, entity.id, name);
      const quota = INLINE_POLICY_SIZE_QUOTA[entity.type];
      const total = others.reduce((sum, row) => sum + sizeWithoutWhitespace(row.document), sizeWithoutWhitespace(document));
      if (total > quota) {
        throw limitExceeded(`Maximum policy size of ${quota} bytes exceeded for ${entity.type} ${entity.name}`);
      }
      this.db
        .prepare(
          `INSERT INTO iam_inline_policies (entity_type, entity_id, name, document) VALUES (?, ?, ?, ?)
           ON CONFLICT (entity_type, entity_id, name) DO UPDATE SET document = excluded.document`,
        )
        .run(entity.type, entity.id, name, document);
    })();
  }

  get(entity: IamEntityRef, name: string): string {
    const row = this.db
      .prepare<[string, string, string], { document: string }>(
        'SELECT document FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ? AND name = ?',
      )
      .get(entity.type, entity.id, name);
    if (!row) throw noSuchInlinePolicy(entity, name);
    return row.document;
  }

  names(entity: IamEntityRef): string[] {
    return this.db
      .prepare<[string, string], { name: string }>(
        'SELECT name FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ? ORDER BY name',
      )
      .all(entity.type, entity.id)
      .map((row) => row.name);
  }

  delete(entity: IamEntityRef, name: string): void {
    const removed = this.db
      .prepare('DELETE FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ? AND name = ?')
      .run(entity.type, entity.id, name);
    if (removed.changes === 0) throw noSuchInlinePolicy(entity, name);
  }

  documents(entity: IamEntityRef): string[] {
    return this.db
      .prepare<[string, string], { document: string }>(
        'SELECT document FROM iam_inline_policies WHERE entity_type = ? AND entity_id = ?',
      )
      .all(entity.type, entity.id)
      .map((row) => row.document);
  }
}
