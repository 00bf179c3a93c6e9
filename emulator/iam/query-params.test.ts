import { describe, expect, it } from 'vitest';
import { IamError } from './iam-error';
import { paginate } from './pagination';
import { QueryParams } from './query-params';

function validationMessage(run: (params: QueryParams) => void, query: string): string | undefined {
  const params = new QueryParams(new URLSearchParams(query));
  try {
    run(params);
    params.done();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(IamError);
    expect((error as IamError).code).toBe('ValidationError');
    return (error as IamError).message;
  }
}

describe('QueryParams', () => {
  it('accepts valid names and paths', () => {
    expect(validationMessage((p) => p.name('RoleName', 'roleName', 64), `RoleName=${encodeURIComponent('a_b+c=d,e.f@g-h')}`)).toBeUndefined();
    expect(validationMessage((p) => p.path(), 'Path=/a/b/')).toBeUndefined();
  });

  it('reports a missing required member as null', () => {
    expect(validationMessage((p) => p.name('RoleName', 'roleName', 64), '')).toBe(
      "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports an empty name as too short', () => {
    expect(validationMessage((p) => p.name('UserName', 'userName', 64), 'UserName=')).toBe(
      "1 validation error detected: Value '' at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it.each(['a', '/a', 'a/', '//x y/'])('refuses the path %j', (path) => {
    expect(validationMessage((p) => p.path(), `Path=${encodeURIComponent(path)}`)).toContain(`Value '${path}' at 'path'`);
  });

  it('reads tags in order', () => {
    const params = new QueryParams(new URLSearchParams('Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.2.Key=b'));
    expect(params.tags()).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '' },
    ]);
  });

  it('refuses a non-numeric MaxItems', () => {
    expect(validationMessage((p) => p.paging(), 'MaxItems=ten')).toBe(
      "1 validation error detected: Value 'ten' at 'maxItems' failed to satisfy constraint: Member must be a number",
    );
  });
});

describe('paginate', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  const key = (item: string) => item;

  it('walks every item exactly once', () => {
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page = paginate(items, key, marker, 2);
      seen.push(...page.items);
      marker = page.marker;
    } while (marker);
    expect(seen).toEqual(items);
  });

  it('keeps a marker valid when earlier items are removed', () => {
    const first = paginate(items, key, undefined, 2);
    expect(paginate(items.slice(2), key, first.marker, 2).items).toEqual(['c', 'd']);
  });

  it('treats a garbage marker as a position, never an error', () => {
    expect(() => paginate(items, key, '%%%', 2)).not.toThrow();
  });
});
