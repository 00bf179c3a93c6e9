'use client';

import { useId, useState, type DragEvent } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { StatusMessage } from '@/components/ui/status-message';
import { formatSize } from './format-size';
import type { UploadItem } from './use-uploads';

function percent(item: UploadItem): number {
  if (item.state === 'done') return 100;
  return item.size === 0 ? 0 : Math.min(100, Math.floor((item.loaded / item.size) * 100));
}

function UploadRow({ item }: { item: UploadItem }) {
  const value = percent(item);
  const label =
    item.state === 'done' ? 'Uploaded' : item.state === 'failed' ? 'Failed' : item.state === 'queued' ? 'Waiting' : `${value}%`;
  return (
    <li className="space-y-1">
      <div className="flex justify-between gap-4 text-sm">
        <span className="font-mono break-all">{item.key}</span>
        <span className={cn('shrink-0', item.state === 'failed' ? 'font-bold text-red-700' : 'text-gray-700')}>
          {formatSize(item.size)} · {label}
        </span>
      </div>
      <progress className="h-2 w-full" max={100} value={value} aria-label={`Upload of ${item.key}`} />
      {item.error ? <p className="text-sm text-red-700">{item.error}</p> : null}
    </li>
  );
}

/** Drop zone and file picker for the folder shown, and one progress bar per file. */
export function UploadPanel({
  folderLabel,
  items,
  onFiles,
  onClear,
}: {
  folderLabel: string;
  items: readonly UploadItem[];
  onFiles: (files: File[]) => void;
  onClear: () => void;
}) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const active = items.filter((item) => item.state === 'uploading' || item.state === 'queued').length;
  const failed = items.filter((item) => item.state === 'failed').length;

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="space-y-3">
      <h2 id={`${inputId}-heading`} className="sr-only">
        Upload
      </h2>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          'flex flex-wrap items-center justify-center gap-3 rounded-xl border-2 border-dashed px-4 py-5 text-sm',
          dragging ? 'border-action bg-sky-50' : 'border-gray-400 bg-white',
        )}
      >
        <span>Drag and drop files here to upload them to {folderLabel}, or</span>
        <label htmlFor={inputId} className="cursor-pointer rounded-full border-2 border-action px-4 py-1 font-bold text-action hover:bg-sky-50">
          Choose files to upload
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          className="sr-only"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      <StatusMessage className="sr-only">
        {active > 0 ? `Uploading ${active} ${active === 1 ? 'file' : 'files'}…` : items.length > 0 ? `Uploads finished${failed ? `, ${failed} failed` : ''}.` : ''}
      </StatusMessage>
      {items.length > 0 ? (
        <div className="space-y-2 rounded-xl border border-line bg-white p-4">
          <div className="flex items-center justify-between">
            <h3 className="text-sm font-bold">Uploads</h3>
            <Button variant="link" onClick={onClear} disabled={items.length === active}>
              Clear finished
            </Button>
          </div>
          <ul className="space-y-3">
            {items.map((item) => (
              <UploadRow key={item.id} item={item} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
