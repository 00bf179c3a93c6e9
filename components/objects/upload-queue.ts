import { fetchJson } from '@/lib/queries/api-error';
import { multipartUrls, UPLOAD_PART_BYTES, uploadUrl } from '@/lib/queries/objects';

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

class UploadFailure extends Error {}

function failureMessage(xhr: XMLHttpRequest): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return `${body.error.message}${body.error.code ? ` (${body.error.code})` : ''}`;
  } catch {
    // Not JSON: fall through to the status.
  }
  return xhr.status === 0 ? 'The console server did not answer.' : `The upload failed with HTTP ${xhr.status}.`;
}

/** PUT one body with XMLHttpRequest (fetch cannot report upload progress); resolves to the JSON answer. */
function putWithProgress<T>(url: string, body: Blob, contentType: string, onProgress: (loaded: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', contentType);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(new UploadFailure(failureMessage(xhr)));
    };
    xhr.onerror = () => reject(new UploadFailure(failureMessage(xhr)));
    xhr.send(body);
  });
}

function postJson<T>(url: string, body: unknown): Promise<T> {
  return fetchJson<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * Sends files to the console's upload routes a few at a time, with byte progress per file. A file of one part
 * goes in one request; a larger one as a multipart upload, one part per request, aborted if a part fails.
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
      if (next) void this.send(next.item, next.file);
    }
  }

  private async send(item: UploadItem, file: File): Promise<void> {
    this.running += 1;
    this.onChange(item.id, { state: 'uploading' });
    try {
      if (file.size <= UPLOAD_PART_BYTES) await this.sendWhole(item, file);
      else await this.sendInParts(item, file);
      this.onChange(item.id, { state: 'done', loaded: item.size });
    } catch (error) {
      this.onChange(item.id, { state: 'failed', error: error instanceof Error ? error.message : 'The upload failed.' });
    } finally {
      this.running -= 1;
      this.onSettled();
      this.pump();
    }
  }

  private contentType(file: File): string {
    return file.type || 'application/octet-stream';
  }

  private async sendWhole(item: UploadItem, file: File): Promise<void> {
    await putWithProgress(uploadUrl(this.bucket, item.key), file, this.contentType(file), (loaded) =>
      this.onChange(item.id, { loaded }),
    );
  }

  private async sendInParts(item: UploadItem, file: File): Promise<void> {
    const { uploadId } = await postJson<{ uploadId: string }>(multipartUrls.start(this.bucket), {
      key: item.key,
      contentType: this.contentType(file),
    });
    try {
      const parts: { partNumber: number; etag: string }[] = [];
      for (let offset = 0, partNumber = 1; offset < file.size; offset += UPLOAD_PART_BYTES, partNumber += 1) {
        const sent = offset;
        const part = await putWithProgress<{ partNumber: number; etag: string }>(
          multipartUrls.part(this.bucket, item.key, uploadId, partNumber),
          file.slice(offset, offset + UPLOAD_PART_BYTES),
          'application/octet-stream',
          (loaded) => this.onChange(item.id, { loaded: sent + loaded }),
        );
        parts.push(part);
      }
      await postJson(multipartUrls.complete(this.bucket), { key: item.key, uploadId, parts });
    } catch (error) {
      // Leave no parts behind; the original failure is the one to show.
      await fetch(multipartUrls.abort(this.bucket, item.key, uploadId), { method: 'DELETE' }).catch(() => undefined);
      throw error;
    }
  }
}
