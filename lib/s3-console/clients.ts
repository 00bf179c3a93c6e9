import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';

/** An S3 client for a region (the default region when omitted); `s3Client` of lib/aws/clients fits. */
export type S3ClientFor = (region?: string) => S3Client;

/** What the console's core operations need; tests pass clients built against the embedded endpoint. */
export type ConsoleClients = { s3: S3ClientFor; iam: () => IAMClient };
