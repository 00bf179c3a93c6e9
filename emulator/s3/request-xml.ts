import type { S3Context } from '../http/types';
import { parseXmlBody, type XmlElement } from './xml';

export const CONFIG_BODY_LIMIT = 1024 * 1024;

/** Reads and parses an XML configuration body (at most `limit` bytes, else MaxMessageLengthExceeded). */
export async function readXmlBody(
  ctx: S3Context,
  rootName: string,
  limit = CONFIG_BODY_LIMIT,
): Promise<{ [name: string]: XmlElement[] }> {
  const body = await ctx.readBody(limit, 'MaxMessageLengthExceeded');
  return parseXmlBody(body, rootName);
}

/** Reads an optional XML body: undefined when the request has none. */
export async function readOptionalXmlBody(
  ctx: S3Context,
  rootName: string,
  limit = CONFIG_BODY_LIMIT,
): Promise<{ [name: string]: XmlElement[] } | undefined> {
  const body = await ctx.readBody(limit, 'MaxMessageLengthExceeded');
  if (body.toString('utf8').trim() === '') return undefined;
  return parseXmlBody(body, rootName);
}
