import { randomBytes } from 'node:crypto';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Unique-id prefixes IAM uses: users, groups, roles, managed policies, access keys. */
export type IamIdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'AKIA';

function randomString(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  // Both alphabets have a power-of-two size, so the modulo keeps the distribution uniform.
  for (const byte of bytes) text += alphabet[byte % alphabet.length];
  return text;
}

/** An IAM unique id: 21 characters (`AROA` + 17) like AWS's; access key ids are 20 (`AKIA` + 16). */
export function newIamId(prefix: IamIdPrefix): string {
  return prefix + randomString(ID_ALPHABET, prefix === 'AKIA' ? 16 : 17);
}

export function newSecretAccessKey(): string {
  return randomString(SECRET_ALPHABET, 40);
}
