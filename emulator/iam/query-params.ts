import type { IamTag } from '../store/iam-types';
import { validationError } from './iam-error';

const NAME_PATTERN = /^[\w+=,.@-]+$/;
const PATH_PATTERN = /^(\/|\/[\u0021-\u007E]+\/)$/;
const PATH_PREFIX_PATTERN = /^\/[\u0021-\u007F]*$/;
const DOCUMENT_PATTERN = /^[\u0009\u000A\u000D\u0020-\u00FF]+$/;
const MARKER_PATTERN = /^[\u0020-\u00FF]+$/;
const ACCESS_KEY_ID_PATTERN = /^[\w]+$/;

const PATTERN_TEXT = {
  name: '[\\w+=,.@-]+',
  path: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
  pathPrefix: '\\u002F[\\u0021-\\u007F]*',
  document: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
  marker: '[\\u0020-\\u00FF]+',
  accessKeyId: '[\\w]+',
};

export const MAX_POLICY_DOCUMENT_LENGTH = 131072;

/**
 * Reads an IAM Query API request's parameters, collecting every constraint violation the way IAM reports them:
 * `N validation error(s) detected: Value 'x' at 'roleName' failed to satisfy constraint: …; …`. Call `done()`
 * after reading everything, before acting.
 */
export class QueryParams {
  private readonly problems: string[] = [];

  constructor(private readonly params: URLSearchParams) {}

  raw(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** Throws one ValidationError listing every problem found so far. */
  done(): void {
    if (this.problems.length === 0) return;
    const count = this.problems.length;
    throw validationError(`${count} validation error${count === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`);
  }

  private fail(value: string | undefined, field: string, constraint: string): void {
    const shown = value === undefined ? 'null' : `'${value}'`;
    this.problems.push(`Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
  }

  private checked(
    param: string,
    field: string,
    rules: { required: boolean; min?: number; max?: number; pattern?: RegExp; patternText?: string },
  ): string | undefined {
    const value = this.raw(param);
    if (value === undefined) {
      if (rules.required) this.fail(undefined, field, 'Member must not be null');
      return undefined;
    }
    let ok = true;
    if (rules.min !== undefined && value.length < rules.min) {
      this.fail(value, field, `Member must have length greater than or equal to ${rules.min}`);
      ok = false;
    }
    if (rules.max !== undefined && value.length > rules.max) {
      this.fail(value, field, `Member must have length less than or equal to ${rules.max}`);
      ok = false;
    }
    if (rules.pattern && value.length > 0 && !rules.pattern.test(value)) {
      this.fail(value, field, `Member must satisfy regular expression pattern: ${rules.patternText ?? ''}`);
      ok = false;
    }
    return ok ? value : undefined;
  }

  /** A required entity name (role, user, group, policy): 1..max characters of `[\w+=,.@-]`. */
  name(param: string, field: string, max: number): string {
    return this.checked(param, field, { required: true, min: 1, max, pattern: NAME_PATTERN, patternText: PATTERN_TEXT.name }) ?? '';
  }

  optionalName(param: string, field: string, max: number): string | undefined {
    return this.checked(param, field, { required: false, min: 1, max, pattern: NAME_PATTERN, patternText: PATTERN_TEXT.name });
  }

  /** An entity path, `/` by default: `/` or `/…/` of printable ASCII, at most 512 characters. */
  path(param = 'Path'): string {
    return this.checked(param, 'path', { required: false, min: 1, max: 512, pattern: PATH_PATTERN, patternText: PATTERN_TEXT.path }) ?? '/';
  }

  pathPrefix(): string {
    return (
      this.checked('PathPrefix', 'pathPrefix', {
        required: false,
        min: 1,
        max: 512,
        pattern: PATH_PREFIX_PATTERN,
        patternText: PATTERN_TEXT.pathPrefix,
      }) ?? '/'
    );
  }

  document(param: string, field: string): string {
    return (
      this.checked(param, field, {
        required: true,
        min: 1,
        max: MAX_POLICY_DOCUMENT_LENGTH,
        pattern: DOCUMENT_PATTERN,
        patternText: PATTERN_TEXT.document,
      }) ?? ''
    );
  }

  arn(param: string, field: string): string {
    return this.checked(param, field, { required: true, min: 20, max: 2048 }) ?? '';
  }

  accessKeyId(): string {
    return (
      this.checked('AccessKeyId', 'accessKeyId', {
        required: true,
        min: 16,
        max: 128,
        pattern: ACCESS_KEY_ID_PATTERN,
        patternText: PATTERN_TEXT.accessKeyId,
      }) ?? ''
    );
  }

  description(): string | undefined {
    return this.checked('Description', 'description', { required: false, max: 1000 });
  }

  enumValue<T extends string>(param: string, field: string, values: readonly T[], fallback?: T): T | undefined {
    const value = this.raw(param);
    if (value === undefined) {
      if (fallback === undefined) this.fail(undefined, field, 'Member must not be null');
      return fallback;
    }
    if ((values as readonly string[]).includes(value)) return value as T;
    this.fail(value, field, `Member must satisfy enum value set: [${values.join(', ')}]`);
    return fallback;
  }

  integer(param: string, field: string, range: { min: number; max: number }): number | undefined {
    const value = this.raw(param);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) {
      this.problems.push(`Value '${value}' at '${field}' failed to satisfy constraint: Member must be a number`);
      return undefined;
    }
    const number = Number(value);
    if (number < range.min) {
      this.fail(value, field, `Member must have value greater than or equal to ${range.min}`);
      return undefined;
    }
    if (number > range.max) {
      this.fail(value, field, `Member must have value less than or equal to ${range.max}`);
      return undefined;
    }
    return number;
  }

  boolean(param: string): boolean {
    return this.raw(param) === 'true';
  }

  /** Marker and MaxItems (1..1000). */
  paging(): { marker?: string; maxItems?: number } {
    const marker = this.checked('Marker', 'marker', {
      required: false,
      min: 1,
      max: 320,
      pattern: MARKER_PATTERN,
      patternText: PATTERN_TEXT.marker,
    });
    const maxItems = this.integer('MaxItems', 'maxItems', { min: 1, max: 1000 });
    return { marker, maxItems };
  }

  /** `Tags.member.N.Key` / `Tags.member.N.Value`, in N order (at most 50, keys 1..128, values 0..256). */
  tags(): IamTag[] {
    const tags: IamTag[] = [];
    for (let n = 1; this.raw(`Tags.member.${n}.Key`) !== undefined; n += 1) {
      const key = this.checked(`Tags.member.${n}.Key`, `tags.${n}.member.key`, { required: true, min: 1, max: 128 });
      const value = this.checked(`Tags.member.${n}.Value`, `tags.${n}.member.value`, { required: false, max: 256 });
      if (key !== undefined) tags.push({ Key: key, Value: value ?? '' });
    }
    if (tags.length > 50) this.problems.push(`Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50`);
    return tags;
  }
}
