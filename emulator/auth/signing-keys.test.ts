import { getSigningKey } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { NodeSha256 } from './sigv4-crypto';
import { signingKeyFor } from './signing-keys';

describe('signingKeyFor', () => {
  it("derives the same key as @smithy/signature-v4's getSigningKey", async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    for (const [date, region, service] of [
      ['20130524', 'us-east-1', 's3'],
      ['20261127', 'eu-west-3', 'iam'],
    ] as const) {
      const expected = await getSigningKey(NodeSha256, { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret }, date, region, service);
      expect(signingKeyFor(secret, date, region, service).equals(Buffer.from(expected))).toBe(true);
    }
  });

  it('gives different keys for a different secret, date, region or service, and the same key when asked again', () => {
    const base = signingKeyFor('secret-a', '20261127', 'us-east-1', 's3');
    expect(signingKeyFor('secret-a', '20261127', 'us-east-1', 's3').equals(base)).toBe(true);
    for (const other of [
      signingKeyFor('secret-b', '20261127', 'us-east-1', 's3'),
      signingKeyFor('secret-a', '20261128', 'us-east-1', 's3'),
      signingKeyFor('secret-a', '20261127', 'us-west-2', 's3'),
      signingKeyFor('secret-a', '20261127', 'us-east-1', 'iam'),
    ]) {
      expect(other.equals(base)).toBe(false);
    }
  });
});
