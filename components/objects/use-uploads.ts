'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { objectKeys } from '@/lib/queries/objects';
import type { UploadItem, UploadQueue } from './upload-queue';

export type { UploadItem } from './upload-queue';

/** Upload state of one bucket's browser: the items with their progress, and `upload(files, prefix)`. */
export function useUploads(bucket: string) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextId = useRef(1);
  // The queue's code is fetched with the first upload, not with the object list.
  const queue = useRef<Promise<UploadQueue> | null>(null);

  const update = useCallback(
    (id: number, change: Partial<UploadItem>) => setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item))),
    [],
  );

  const loadQueue = useCallback(() => {
    queue.current ??= import('@/components/objects/upload-queue').then(
      ({ UploadQueue: Queue }) => new Queue(bucket, update, () => void queryClient.invalidateQueries({ queryKey: objectKeys.all(bucket) })),
    );
    return queue.current;
  }, [bucket, queryClient, update]);

  /** Queues `files` under `prefix` (the folder shown), keeping their names as the last part of the key. */
  const upload = useCallback(
    (files: readonly File[], prefix: string) => {
      const added = files.map((file) => ({ file, item: { id: nextId.current++, key: `${prefix}${file.name}`, size: file.size, loaded: 0, state: 'queued' as const } }));
      setItems((current) => [...current, ...added.map(({ item }) => item)]);
      loadQueue().then(
        (loaded) => {
          for (const { item, file } of added) loaded.add(item, file);
        },
        () => {
          queue.current = null;
          for (const { item } of added) update(item.id, { state: 'failed', error: 'The console server did not answer.' });
        },
      );
    },
    [loadQueue, update],
  );

  const clearFinished = useCallback(
    () => setItems((current) => current.filter((item) => item.state === 'queued' || item.state === 'uploading')),
    [],
  );

  return { items, upload, clearFinished };
}
