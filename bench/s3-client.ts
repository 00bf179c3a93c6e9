import { Agent } from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import type { ServerUnderTest } from './servers';

/**
 * The one client configuration used against every server: path-style, keep-alive with enough sockets for the
 * concurrency, no retries (a failed request is counted, not hidden).
 */
export function benchS3Client(server: Pick<ServerUnderTest, 'url' | 'credentials'>, maxSockets = 128): S3Client {
  return new S3Client({
    endpoint: server.url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: server.credentials,
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets }), connectionTimeout: 10_000, requestTimeout: 120_000 },
  });
}
