import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { test as base } from '@playwright/test';
import { E2E_CREDENTIALS, E2E_EMULATOR_URL } from './e2e-env';

export { expect } from '@playwright/test';
export { E2E_EMULATOR_URL } from './e2e-env';

/** An SDK client on the run's endpoint, to seed and check data behind the console's back. */
export function e2eS3Client(region = 'us-east-1'): S3Client {
  return new S3Client({ region, endpoint: E2E_EMULATOR_URL, forcePathStyle: true, credentials: E2E_CREDENTIALS });
}

/** An IAM client on the run's endpoint, as the account's root. */
export function e2eIamClient(): IAMClient {
  return new IAMClient({ region: 'us-east-1', endpoint: E2E_EMULATOR_URL, credentials: E2E_CREDENTIALS });
}

/** The trust policy of a replication role: S3 may assume it. */
export const S3_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** A bucket name no other test (or earlier run on a reused data dir) has taken. */
export function uniqueBucketName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

type Fixtures = { s3For: (region: string) => S3Client };

export const test = base.extend<Fixtures>({
  s3For: async ({}, provide) => {
    const clients: S3Client[] = [];
    await provide((region) => {
      const client = e2eS3Client(region);
      clients.push(client);
      return client;
    });
    for (const client of clients) client.destroy();
  },
});
