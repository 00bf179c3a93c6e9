import { describe, expect, it } from 'vitest';
import { seeOther } from './see-other';

describe('seeOther', () => {
  it('answers 303 with a relative Location', () => {
    const response = seeOther('/login?next=%2Fbuckets');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fbuckets');
  });

  it('refuses anything that could leave the origin', () => {
    for (const target of ['//evil.example', 'https://evil.example', 'login']) expect(() => seeOther(target)).toThrow();
  });
});
