import { z } from 'zod';
import { existingBucketField } from './bucket-inputs';

const MAX_KEY_BYTES = 1024;

export const objectKeyField = z
  .string()
  .min(1, 'An object key is required.')
  .refine((key) => Buffer.byteLength(key, 'utf8') <= MAX_KEY_BYTES, 'An object key is at most 1,024 bytes long (UTF-8).');

/** A folder level: empty (the bucket's root) or ending in `/`. */
export const folderPrefixField = z.string().refine((prefix) => prefix === '' || prefix.endsWith('/'), 'A folder ends with "/".');

export const deleteObjectsInput = z
  .object({
    bucket: existingBucketField,
    keys: z.array(objectKeyField).max(1000),
    /** Folders (prefixes ending in `/`) whose every object is deleted. */
    folders: z.array(folderPrefixField.refine((prefix) => prefix !== '', 'Pick a folder, not the bucket.')).max(100),
  })
  .refine((input) => input.keys.length + input.folders.length > 0, 'Select at least one object or folder.');
export type DeleteObjectsInput = z.infer<typeof deleteObjectsInput>;

export const createFolderInput = z.object({
  bucket: existingBucketField,
  parent: folderPrefixField,
  name: z
    .string()
    .trim()
    .min(1, 'Enter a folder name.')
    .refine((name) => !name.includes('/'), 'A folder name cannot contain "/". Create one level at a time.')
    .refine((name) => name !== '.' && name !== '..', 'A folder cannot be named "." or "..".'),
});
export type CreateFolderInput = z.infer<typeof createFolderInput>;

export const deleteVersionInput = z.object({
  bucket: existingBucketField,
  key: objectKeyField,
  versionId: z.string().min(1, 'A version id is required.'),
});
export type DeleteVersionInput = z.infer<typeof deleteVersionInput>;
