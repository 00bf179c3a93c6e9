import { randomBytes } from 'node:crypto';

export const NULL_VERSION_ID = 'null';

const VERSION_ID = /^[A-Za-z0-9._-]{32}$/;

/** An opaque, URL-safe version id (32 characters). */
export function newVersionId(): string {
  return randomBytes(24).toString('base64url');
}

/** True for 'null' and for ids this store generates; anything else is "malformed" to S3. */
export function isWellFormedVersionId(versionId: string): boolean {
  return versionId === NULL_VERSION_ID || VERSION_ID.test(versionId);
}
