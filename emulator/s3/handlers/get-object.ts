import type { S3Context, S3Response } from '../../http/types';
import { readObject } from '../read-object';

export async function getObject(ctx: S3Context): Promise<S3Response> {
  return readObject(ctx, 'GET');
}
