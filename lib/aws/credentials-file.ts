/** A key pair as the AWS CLI stores it in a credentials file profile. */
export type StaticCredentials = { accessKeyId: string; secretAccessKey: string };

/**
 * Reads one profile of an AWS CLI credentials file (INI: `[profile]` sections of `key = value` lines,
 * `#`/`;` comments). Returns `undefined` when the profile or either key is missing.
 */
export function parseCredentialsFile(text: string, profile = 'default'): StaticCredentials | undefined {
  const values = new Map<string, string>();
  let inProfile = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[\s*(?:profile\s+)?([^\]]+?)\s*\]$/.exec(line);
    if (section) {
      inProfile = section[1] === profile;
      continue;
    }
    if (!inProfile) continue;
    const separator = line.indexOf('=');
    if (separator <= 0) continue;
    values.set(line.slice(0, separator).trim().toLowerCase(), line.slice(separator + 1).trim());
  }
  const accessKeyId = values.get('aws_access_key_id');
  const secretAccessKey = values.get('aws_secret_access_key');
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
}
