import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../auth/sigv4-crypto';
import type { EmulatorHandle } from '../index';

export interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

/** SDK clients pointed at the endpoint, signing with the root key unless another key is given. */
export function iamClientFor(emulator: EmulatorHandle, credentials: KeyPair = emulator.credentials): IAMClient {
  return new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

export function stsClientFor(emulator: EmulatorHandle, credentials: KeyPair = emulator.credentials): STSClient {
  return new STSClient({ endpoint: emulator.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

export function s3ClientWith(emulator: EmulatorHandle, credentials: KeyPair): S3Client {
  return new S3Client({ endpoint: emulator.url, region: 'us-east-1', forcePathStyle: true, credentials, maxAttempts: 1 });
}

export const S3_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export function allowPolicy(action: string | string[], resource: string | string[] = '*'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
}

export function denyPolicy(action: string | string[], resource: string | string[] = '*'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: resource }] });
}

export const ACCOUNT = '000000000000';

/** A form POST to the endpoint signed for `service` (unsigned when credentials is null): for requests the SDK cannot make. */
export async function queryApiPost(
  emulator: EmulatorHandle,
  service: 'iam' | 'sts',
  form: Record<string, string>,
  credentials: KeyPair | null = emulator.credentials,
): Promise<{ status: number; body: string }> {
  const url = new URL(emulator.url);
  const body = new URLSearchParams(form).toString();
  let headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  };
  if (credentials) {
    const signer = new SignatureV4({ service, region: 'us-east-1', credentials, sha256: NodeSha256 });
    const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers, body });
    headers = signed.headers;
  }
  const response = await fetch(`${emulator.url}/`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}
