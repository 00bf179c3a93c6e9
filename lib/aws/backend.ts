import 'server-only';
import { consoleEnv } from '@/lib/env';
import { EMBEDDED_DEFAULT_REGION, s3Client } from './clients';

/** What the UI may know about the backend: never a secret. */
export type BackendInfo =
  | { kind: 'embedded'; endpointUrl: string; region: string }
  | { kind: 'aws'; region: string | undefined; profile: string; endpointUrl: string | undefined };

export async function describeBackend(): Promise<BackendInfo> {
  const env = consoleEnv();
  if (env.backend === 'embedded') {
    return { kind: 'embedded', endpointUrl: env.emulatorUrl, region: env.awsRegion ?? EMBEDDED_DEFAULT_REGION };
  }
  return {
    kind: 'aws',
    region: env.awsRegion ?? (await resolvedDefaultRegion()),
    profile: env.awsProfile ?? 'default',
    endpointUrl: env.awsEndpointUrlS3 ?? env.awsEndpointUrl,
  };
}

/** The region the SDK settles on from the profile when AWS_REGION is not set. */
async function resolvedDefaultRegion(): Promise<string | undefined> {
  try {
    return await s3Client().config.region();
  } catch {
    return undefined;
  }
}
