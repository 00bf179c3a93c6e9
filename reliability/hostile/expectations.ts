import { expect } from 'vitest';
import { errorCodeOf, type HostileResponse } from './raw-client';

/**
 * Bad input gets S3's (or IAM's) XML error with a 4xx status (501 only for NotImplemented): never a 5xx, never a
 * bare status. `statuses`/`codes` narrow it further where the expected answer is known.
 */
export function expectRefusedProperly(response: HostileResponse, context: string, statuses?: number[], codes?: string[]): void {
  const where = `${context}: ${response.status} ${response.body.slice(0, 300)}`;
  if (statuses) expect(statuses, where).toContain(response.status);
  expect(response.status, where).toBeLessThan(500 + (errorCodeOf(response) === 'NotImplemented' ? 2 : 0));
  if (response.status >= 400) {
    expect(String(response.headers['content-type']), where).toMatch(/xml/);
    expect(errorCodeOf(response), where).toMatch(/^[A-Za-z0-9.]+$/);
    if (codes) expect(codes, where).toContain(errorCodeOf(response));
    if (response.status === 501) expect(errorCodeOf(response), where).toBe('NotImplemented');
  }
}
