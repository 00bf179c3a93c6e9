import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { consoleEnv } from '@/lib/env';
import { parseCredentialsFile, type StaticCredentials } from './credentials-file';

export class EmbeddedCredentialsMissingError extends Error {
  constructor(file: string) {
    super(
      `No root key for the embedded endpoint: set EMULATOR_ACCESS_KEY_ID and EMULATOR_SECRET_ACCESS_KEY, ` +
        `or start the endpoint once so that it writes ${file}.`,
    );
    // The SDK's name for "no credentials", so action/route error mapping treats it as a credentials problem.
    this.name = 'CredentialsProviderError';
  }
}

export function embeddedCredentialsFile(): string {
  return path.resolve(consoleEnv().emulatorDataDir, 'credentials');
}

/** The embedded endpoint's root key: from the environment, else from `<data dir>/credentials` ([default]). */
export async function embeddedCredentials(): Promise<StaticCredentials> {
  const fromEnv = consoleEnv().emulatorCredentials;
  if (fromEnv) return fromEnv;
  const file = embeddedCredentialsFile();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new EmbeddedCredentialsMissingError(file);
  }
  const credentials = parseCredentialsFile(text);
  if (!credentials) throw new EmbeddedCredentialsMissingError(file);
  return credentials;
}
