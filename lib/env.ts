import 'server-only';
import { z } from 'zod';

/**
 * The console's configuration, read from process.env once.
 * Backend: `embedded` (the endpoint in `emulator/`) unless CONSOLE_BACKEND=aws, or CONSOLE_BACKEND is unset and an
 * AWS endpoint variable is configured (then the AWS SDK's standard chain is used).
 */
export type BackendKind = 'embedded' | 'aws';

export type ConsoleEnv = {
  backend: BackendKind;
  /** Where the embedded endpoint answers, without a trailing slash. */
  emulatorUrl: string;
  emulatorDataDir: string;
  /** Root key of the embedded endpoint when given in the environment (else read from `<data dir>/credentials`). */
  emulatorCredentials?: { accessKeyId: string; secretAccessKey: string };
  /** Region from AWS_REGION / AWS_DEFAULT_REGION, when set. */
  awsRegion?: string;
  awsProfile?: string;
  awsEndpointUrl?: string;
  awsEndpointUrlS3?: string;
  awsEndpointUrlIam?: string;
};

export const DEFAULT_EMULATOR_HOST = '127.0.0.1';
export const DEFAULT_EMULATOR_PORT = 4510;
export const DEFAULT_EMULATOR_DATA_DIR = '.data';

const text = z.string().min(1);

const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), 'must be an http:// or https:// URL')
  .transform((value) => value.replace(/\/+$/, ''));

const port = z
  .string()
  .regex(/^\d+$/, 'must be a port number')
  .transform(Number)
  .refine((value) => value >= 1 && value <= 65535, 'must be between 1 and 65535');

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be a region code such as us-east-1');

const envSchema = z.object({
  CONSOLE_BACKEND: z.enum(['embedded', 'aws'], { error: 'must be "embedded" or "aws"' }).optional(),
  EMULATOR_URL: httpUrl.optional(),
  EMULATOR_HOST: text.optional(),
  EMULATOR_PORT: port.optional(),
  EMULATOR_DATA_DIR: text.optional(),
  EMULATOR_ACCESS_KEY_ID: text.optional(),
  EMULATOR_SECRET_ACCESS_KEY: text.optional(),
  AWS_REGION: region.optional(),
  AWS_DEFAULT_REGION: region.optional(),
  AWS_PROFILE: text.optional(),
  AWS_ENDPOINT_URL: httpUrl.optional(),
  AWS_ENDPOINT_URL_S3: httpUrl.optional(),
  AWS_ENDPOINT_URL_IAM: httpUrl.optional(),
});

/** Only the variables we read, trimmed; an empty value counts as unset (as `FOO= npm start` intends). */
function knownVariables(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.keys(envSchema.shape).map((name) => {
      const value = source[name]?.trim();
      return [name, value === '' ? undefined : value];
    }),
  );
}

export class ConsoleEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid console configuration: ${problems.join('; ')}`);
    this.name = 'ConsoleEnvError';
  }
}

/** Host part of a URL; IPv6 addresses need brackets. */
function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** A listener bound to every interface is reached through loopback from this machine. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '::1';
  return host;
}

export function parseConsoleEnv(source: Record<string, string | undefined>): ConsoleEnv {
  const parsed = envSchema.safeParse(knownVariables(source));
  if (!parsed.success) {
    throw new ConsoleEnvError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  const env = parsed.data;

  const awsEndpointConfigured = Boolean(env.AWS_ENDPOINT_URL || env.AWS_ENDPOINT_URL_S3);
  const backend: BackendKind = env.CONSOLE_BACKEND ?? (awsEndpointConfigured ? 'aws' : 'embedded');

  const host = reachableHost(env.EMULATOR_HOST ?? DEFAULT_EMULATOR_HOST);
  const emulatorUrl = env.EMULATOR_URL ?? `http://${urlHost(host)}:${env.EMULATOR_PORT ?? DEFAULT_EMULATOR_PORT}`;

  const keyId = env.EMULATOR_ACCESS_KEY_ID;
  const secret = env.EMULATOR_SECRET_ACCESS_KEY;
  if (Boolean(keyId) !== Boolean(secret)) {
    throw new ConsoleEnvError([
      'EMULATOR_ACCESS_KEY_ID and EMULATOR_SECRET_ACCESS_KEY must be set together (or neither)',
    ]);
  }

  return {
    backend,
    emulatorUrl,
    emulatorDataDir: env.EMULATOR_DATA_DIR ?? DEFAULT_EMULATOR_DATA_DIR,
    emulatorCredentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
    awsRegion: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    awsProfile: env.AWS_PROFILE,
    awsEndpointUrl: env.AWS_ENDPOINT_URL,
    awsEndpointUrlS3: env.AWS_ENDPOINT_URL_S3,
    awsEndpointUrlIam: env.AWS_ENDPOINT_URL_IAM,
  };
}

let cached: ConsoleEnv | undefined;

/** process.env parsed once; throws ConsoleEnvError naming every bad variable. */
export function consoleEnv(): ConsoleEnv {
  cached ??= parseConsoleEnv(process.env);
  return cached;
}
