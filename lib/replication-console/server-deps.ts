import 'server-only';
import { iamClient, s3Client, stsClient } from '@/lib/aws/clients';
import type { ReplicationDeps } from './deps';

/** The console's clients (embedded endpoint or AWS, per lib/env.ts) for the orchestration. */
export function serverReplicationDeps(): ReplicationDeps {
  return { s3: (region) => s3Client(region), iam: iamClient(), sts: stsClient() };
}
