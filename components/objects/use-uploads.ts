'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { objectKeys } from '@/lib/queries/objects';
import { UploadQueue, type UploadItem } from './upload-queue';

export type { UploadItem } from './upload-queue';

/** Upload state of one bucket's browser: the items with their progress, and `upload(files, prefix)`. */
export function useUploads(bucket: string) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextId = useRef(1);
  const [queue] = useState(
    () =>
      new UploadQueue(
        bucket,
        (id, change) => setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item))),
        () => void queryClient.invalidateQueries({ queryKey: objectKeys.all(bucket) }),
      ),
  );

  /** Queues `files` under `prefix` (the folder shown), keeping their names as the last part of the key. */
  const upload = useCallback(
    (files: readonly File[], prefix: string) => {
      const added = files.map((file) => ({ file, item: { id: nextId.current++, key: `${prefix}${file.name}`, size: file.size, loaded: 0, state: 'queued' as const } }));
      setItems((current) => [...current, ...added.map(({ item }) => item)]);
      for (const { item, file } of added) queue.add(item, file);
    },
    [queue],
  );

  const clearFinished = useCallback(
    () => setItems((current) => current.filter((item) => item.state === 'queued' || item.state === 'uploading')),
    [],
  );

  return { items, upload, clearFinished };
}
