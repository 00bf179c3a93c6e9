import 'server-only';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { consoleEnv } from '@/lib/env';
import { embeddedCredentials } from './embedded-credentials';

/**
 * The only place that builds AWS SDK clients. Embedded backend: every client talks to the embedded endpoint
 * (path-style, its root key). AWS backend: the SDK's standard chain (AWS_PROFILE, AWS_REGION,
 * AWS_ENDPOINT_URL[_S3|_IAM], …); no credentials are passed explicitly.
 */

/** Region used when none is asked for: the embedded endpoint's home region, as in `aws configure`. */
export const EMBEDDED_DEFAULT_REGION = 'us-east-1';

// Fail fast when an endpoint is down instead of hanging a page render.
const requestHandler = { connectionTimeout: 5_000, requestTimeout: 60_000 };

type CommonConfig = {
  region?: string;
  endpoint?: string;
  credentials?: () => ReturnType<typeof embeddedCredentials>;
  requestHandler: typeof requestHandler;
};

function commonConfig(region: string | undefined): CommonConfig {
  const env = consoleEnv();
  if (env.backend === 'embedded') {
    return {
      region: region ?? env.awsRegion ?? EMBEDDED_DEFAULT_REGION,
      endpoint: env.emulatorUrl,
      // Read lazily: the endpoint writes its credentials file on first start.
      credentials: embeddedCredentials,
      requestHandler,
    };
  }
  // undefined lets the SDK resolve the region from AWS_REGION or the profile.
  return { region: region ?? env.awsRegion, requestHandler };
}

function cachedPerRegion<Client>(build: (region: string | undefined) => Client): (region?: string) => Client {
  const clients = new Map<string, Client>();
  return (region) => {
    const key = region ?? '';
    let client = clients.get(key);
    if (!client) {
      client = build(region);
      clients.set(key, client);
    }
    return client;
  };
}

/** S3 client for `region` (the default region when omitted). */
export const s3Client = cachedPerRegion((region) => {
  const env = consoleEnv();
  if (env.backend === 'embedded') return new S3Client({ ...commonConfig(region), forcePathStyle: true });
  const customEndpoint = Boolean(env.awsEndpointUrlS3 ?? env.awsEndpointUrl);
  return new S3Client({
    ...commonConfig(region),
    // S3-compatible endpoints (moto, MinIO, …) rarely resolve bucket subdomains.
    forcePathStyle: customEndpoint,
    followRegionRedirects: true,
  });
});

let iam: IAMClient | undefined;

/** IAM is global: one client. */
export function iamClient(): IAMClient {
  iam ??= new IAMClient(commonConfig(undefined));
  return iam;
}

export const stsClient = cachedPerRegion((region) => new STSClient(commonConfig(region)));

export const s3ControlClient = cachedPerRegion((region) => {
  const env = consoleEnv();
  // S3 Control prefixes the host with the account id, which a single local endpoint cannot answer to.
  return new S3ControlClient({ ...commonConfig(region), disableHostPrefix: env.backend === 'embedded' });
});
