'use server';

import { action } from '@/lib/actions/action';
import { s3ForBucket } from '@/lib/s3-console/bucket-client';
import { createFolderInput, deleteObjectsInput } from '@/lib/s3-console/object-inputs';
import { createFolder, deleteObjects } from '@/lib/s3-console/object-mutations';

export const deleteObjectsAction = action(deleteObjectsInput, async (input) => deleteObjects(await s3ForBucket(input.bucket), input));

export const createFolderAction = action(createFolderInput, async (input) => createFolder(await s3ForBucket(input.bucket), input));
