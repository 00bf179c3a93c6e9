import type { S3Context, S3Response } from '../../http/types';
import { S3Error } from '../errors';
import { readXmlBody } from '../request-xml';
import { childText } from '../xml';

export async function putBucketVersioning(ctx: S3Context): Promise<S3Response> {
  ctx.store.buckets.require(ctx.bucket);
  const config = await readXmlBody(ctx, 'VersioningConfiguration');
  const status = childText(config, 'Status');
  const mfaDelete = childText(config, 'MfaDelete');
  if (mfaDelete !== undefined && mfaDelete !== 'Enabled' && mfaDelete !== 'Disabled') throw new S3Error('MalformedXML');
  if (mfaDelete === 'Enabled') {
    throw new S3Error('NotImplemented', { message: 'MFA delete is not implemented by the embedded endpoint.' });
  }
  if (status === undefined) {
    if (mfaDelete !== undefined) return { status: 200, headers: {} };
    throw new S3Error('IllegalVersioningConfigurationException');
  }
  if (status !== 'Enabled' && status !== 'Suspended') throw new S3Error('MalformedXML');
  ctx.store.buckets.setVersioning(ctx.bucket, status);
  return { status: 200, headers: {} };
}
