import { close } from 'node:fs';

/**
 * A blob file opened for one response: the descriptor and the byte range [start, end] to send. Opened when the
 * response is prepared, so a blob removed a moment later (an overwrite) is still sent completely. The sender closes
 * it (close() is safe to call more than once).
 */
export class OpenBlobFile {
  private closed = false;

  constructor(
    readonly fd: number,
    readonly start: number,
    /** Inclusive; start - 1 for an empty file. */
    readonly end: number,
  ) {}

  get length(): number {
    return this.end - this.start + 1;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    close(this.fd, () => undefined);
  }
}
