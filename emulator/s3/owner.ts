/**
 * NOTE: the endpoint has one account, so every bucket and object is owned by the same canonical user, whichever of
 * the account's principals wrote it.
 */
export const ACCOUNT_CANONICAL_ID = '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a';
export const ACCOUNT_DISPLAY_NAME = 'emulator';

export function ownerXml(): string {
  return `<Owner><ID>${ACCOUNT_CANONICAL_ID}</ID><DisplayName>${ACCOUNT_DISPLAY_NAME}</DisplayName></Owner>`;
}
