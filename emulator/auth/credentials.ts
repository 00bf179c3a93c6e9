import { randomBytes, randomInt } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface RootCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface LoadedRootCredentials extends RootCredentials {
  /** Absolute path of the AWS CLI-format credentials file. */
  file: string;
}

export interface LoadRootCredentialsOptions {
  /** A key chosen by the operator (EMULATOR_ACCESS_KEY_ID / EMULATOR_SECRET_ACCESS_KEY): written to the file and used. */
  override?: RootCredentials;
}

export const CREDENTIALS_FILE_NAME = 'credentials';

const ACCESS_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `AKIA` + 16 upper-case alphanumerics, the shape of a long-term IAM user key. */
export function generateAccessKeyId(): string {
  let id = 'AKIA';
  for (let i = 0; i < 16; i++) id += ACCESS_KEY_ALPHABET[randomInt(ACCESS_KEY_ALPHABET.length)];
  return id;
}

/** 40 characters of base64 (30 random bytes), like the secrets IAM issues. */
export function generateSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export function formatCredentialsFile(credentials: RootCredentials): string {
  return (
    '[default]\n' +
    `aws_access_key_id = ${credentials.accessKeyId}\n` +
    `aws_secret_access_key = ${credentials.secretAccessKey}\n`
  );
}

/** Reads the `[default]` profile of an AWS CLI credentials file; undefined when either key is missing. */
export function parseCredentialsFile(text: string): RootCredentials | undefined {
  let section: string | undefined;
  const values = new Map<string, string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    const equals = line.indexOf('=');
    if (section !== 'default' || equals < 0) continue;
    values.set(line.slice(0, equals).trim().toLowerCase(), line.slice(equals + 1).trim());
  }
  const accessKeyId = values.get('aws_access_key_id');
  const secretAccessKey = values.get('aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey };
}

/**
 * Writes a complete owner-only file next to `file`, then publishes it: `replace` renames over any existing file;
 * otherwise it is hard-linked into place only if `file` does not exist yet (returns false when it already did, so
 * two endpoints starting on one data dir agree on the first key written).
 */
async function publishFileAtomically(file: string, content: string, mode: 'replace' | 'create'): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The mode given to open() is filtered by the umask; make sure the secret is owner-only.
    await chmod(temp, 0o600);
    if (mode === 'replace') {
      await rename(temp, file);
      return true;
    }
    try {
      await link(temp, file);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      // Filesystems without hard links: fall back to a plain rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
      await rename(temp, file);
      return true;
    }
  } finally {
    await rm(temp, { force: true });
  }
}

async function readExisting(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The endpoint's root key: read from `<dataDir>/credentials` when present, otherwise generated and written there
 * (mode 0600, temp file + link/rename). A file that exists but has no usable `[default]` profile is an error rather than
 * being overwritten, so an operator's edit never silently loses a key.
 */
export async function loadOrCreateRootCredentials(
  dataDir: string,
  options: LoadRootCredentialsOptions = {},
): Promise<LoadedRootCredentials> {
  const directory = path.resolve(dataDir);
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, CREDENTIALS_FILE_NAME);
  const existingText = await readExisting(file);
  // A secret stays owner-only even if someone loosened the file's mode since it was written.
  if (existingText !== undefined) await chmod(file, 0o600);

  if (options.override) {
    const wanted = options.override;
    const existing = existingText === undefined ? undefined : parseCredentialsFile(existingText);
    if (existing?.accessKeyId !== wanted.accessKeyId || existing.secretAccessKey !== wanted.secretAccessKey) {
      await publishFileAtomically(file, formatCredentialsFile(wanted), 'replace');
    }
    return { ...wanted, file };
  }

  if (existingText !== undefined) return { ...parseOrThrow(file, existingText), file };

  const created = { accessKeyId: generateAccessKeyId(), secretAccessKey: generateSecretAccessKey() };
  if (await publishFileAtomically(file, formatCredentialsFile(created), 'create')) return { ...created, file };
  return { ...parseOrThrow(file, await readFile(file, 'utf8')), file };
}

function parseOrThrow(file: string, text: string): RootCredentials {
  const parsed = parseCredentialsFile(text);
  if (!parsed) throw new Error(`${file} has no [default] profile with aws_access_key_id and aws_secret_access_key`);
  return parsed;
}
