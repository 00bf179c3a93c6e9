import type { Tag } from '../store/types';
import { S3Error } from './errors';
import { childElements, childText, el, type XmlElement } from './xml';

export const MAX_OBJECT_TAGS = 10;
export const MAX_BUCKET_TAGS = 50;

function invalidTag(message: string): S3Error {
  return new S3Error('InvalidTag', { message });
}

export function validateTags(tags: Tag[], maxTags: number, kind: 'object' | 'bucket'): Tag[] {
  if (tags.length > maxTags) {
    if (kind === 'object') throw new S3Error('BadRequest', { message: 'Object tags cannot be greater than 10' });
    throw invalidTag('Bucket tag count cannot be greater than 50');
  }
  const seen = new Set<string>();
  for (const tag of tags) {
    const keyLength = Array.from(tag.Key).length;
    if (keyLength < 1 || keyLength > 128) throw invalidTag('The TagKey you have provided is invalid');
    if (Array.from(tag.Value).length > 256) throw invalidTag('The TagValue you have provided is invalid');
    if (tag.Key.toLowerCase().startsWith('aws:')) throw invalidTag('Your TagKey cannot be prefixed with aws:');
    if (seen.has(tag.Key)) throw invalidTag('Cannot provide multiple Tags with the same key');
    seen.add(tag.Key);
  }
  return tags;
}

/** `<Tagging><TagSet><Tag><Key/><Value/></Tag>…</TagSet></Tagging>` → tags (not yet validated). */
export function tagsFromXml(root: XmlElement): Tag[] {
  const tagSets = childElements(root, 'TagSet');
  if (tagSets.length !== 1) throw new S3Error('MalformedXML');
  return childElements(tagSets[0], 'Tag').map((tag) => {
    const key = childText(tag, 'Key');
    const value = childText(tag, 'Value');
    if (key === undefined || value === undefined) throw new S3Error('MalformedXML');
    return { Key: key, Value: value };
  });
}

/** The x-amz-tagging header (URL query encoding). */
export function tagsFromHeader(header: string): Tag[] {
  const tags: Tag[] = [];
  for (const [key, value] of new URLSearchParams(header)) tags.push({ Key: key, Value: value });
  return tags;
}

export function tagSetXml(tags: Tag[]): string {
  return el('TagSet', tags.map((tag) => el('Tag', [el('Key', tag.Key), el('Value', tag.Value)])));
}
