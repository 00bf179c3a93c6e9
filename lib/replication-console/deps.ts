import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import type { STSClient } from '@aws-sdk/client-sts';

/**
 * The AWS clients the orchestration needs, passed in so the core runs against the embedded endpoint, moto or AWS
 * in tests; the console builds them in `server-deps.ts` from `lib/aws/clients.ts`.
 */
export type ReplicationDeps = {
  /** An S3 client for `region` (the default region when omitted). */
  s3: (region?: string) => S3Client;
  iam: IAMClient;
  sts: STSClient;
};
