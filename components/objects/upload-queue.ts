import { uploadUrl } from '@/lib/queries/objects';

export type UploadState = 'queued' | 'uploading' | 'done' | 'failed';

export type UploadItem = {
  id: number;
  key: string;
  size: number;
  loaded: number;
  state: UploadState;
  error?: string;
};

/** Files sent at once; the rest wait their turn. */
const PARALLEL_UPLOADS = 3;

function failureMessage(xhr: XMLHttpRequest): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return `${body.error.message}${body.error.code ? ` (${body.error.code})` : ''}`;
  } catch {
    // Not JSON: fall through to the status.
  }
  return xhr.status === 0 ? 'The console server did not answer.' : `The upload failed with HTTP ${xhr.status}.`;
}

/**
 * Sends files to the console's streaming upload route a few at a time, reporting byte progress per file
 * (XMLHttpRequest: fetch cannot report upload progress).
 */
export class UploadQueue {
  private readonly waiting: { item: UploadItem; file: File }[] = [];
  private running = 0;

  constructor(
    private readonly bucket: string,
    private readonly onChange: (id: number, change: Partial<UploadItem>) => void,
    private readonly onSettled: () => void,
  ) {}

  add(item: UploadItem, file: File): void {
    this.waiting.push({ item, file });
    this.pump();
  }

  private pump(): void {
    while (this.running < PARALLEL_UPLOADS && this.waiting.length > 0) {
      const next = this.waiting.shift();
      if (next) this.send(next.item, next.file);
    }
  }

  private send(item: UploadItem, file: File): void {
    this.running += 1;
    this.onChange(item.id, { state: 'uploading' });
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', uploadUrl(this.bucket, item.key));
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => this.onChange(item.id, { loaded: event.loaded });
    const finish = (change: Partial<UploadItem>) => {
      this.running -= 1;
      this.onChange(item.id, change);
      this.onSettled();
      this.pump();
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? finish({ state: 'done', loaded: item.size })
        : finish({ state: 'failed', error: failureMessage(xhr) });
    xhr.onerror = () => finish({ state: 'failed', error: failureMessage(xhr) });
    xhr.send(file);
  }
}
