import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../auth/sigv4-crypto';

/** Where a hand-made test request goes and the key that signs it (an EmulatorHandle, or a child endpoint's). */
export interface SigningTarget {
  url: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export interface RequestToSign {
  method: string;
  /** The canonical URI exactly as given: it is not escaped again (S3 does not encode twice). */
  path: string;
  query: Record<string, string | string[]>;
  /** Sent as they are; x-amz-content-sha256 is not added (set it when the service wants it). */
  headers: Record<string, string>;
  body: string | Buffer | undefined;
  /** Default s3. */
  service?: string;
}

/** The request's headers plus SigV4's (Authorization, X-Amz-Date), signed for us-east-1 with the target's key. */
export async function sigV4Headers(target: SigningTarget, request: RequestToSign): Promise<Record<string, string>> {
  const url = new URL(target.url);
  const signer = new SignatureV4({
    credentials: target.credentials,
    region: 'us-east-1',
    service: request.service ?? 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.sign({
    method: request.method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: request.path,
    query: request.query,
    headers: request.headers,
    body: request.body,
  });
  return signed.headers as Record<string, string>;
}
