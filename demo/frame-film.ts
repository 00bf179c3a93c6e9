import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type VideoSize = { width: number; height: number };

/** At most this many frames a second are kept; a burst of paints keeps its last frame, so no final state is lost. */
const MAX_FPS = 10;
const MIN_GAP_MS = 1000 / MAX_FPS;

type KeptFrame = { file: string; at: number };

/**
 * Screencast frames kept on disk with the time they arrived, encoded into a WebM only when the run is over. Frames
 * come only when the page repaints, so each one is shown until the next: the film's timing is the run's timing, and
 * encoding costs one frame per change rather than a fixed rate (a busy machine cannot make it drift).
 */
export class FrameFilm {
  private readonly kept: KeptFrame[] = [];
  private pending: { data: Buffer; at: number } | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly flusher: NodeJS.Timeout;

  constructor(
    private readonly directory: string,
    private readonly now: () => number = Date.now,
  ) {
    this.flusher = setInterval(() => this.flushIfDue(), MIN_GAP_MS);
  }

  /** For the screencast's onFrame callback. */
  addFrame(data: Buffer): void {
    this.pending = { data, at: this.now() };
    this.flushIfDue();
  }

  private flushIfDue(): void {
    const last = this.kept.at(-1);
    if (!this.pending || (last && this.pending.at - last.at < MIN_GAP_MS)) return;
    const frame = this.pending;
    this.pending = undefined;
    const file = path.join(this.directory, `frame-${String(this.kept.length).padStart(6, '0')}.jpg`);
    this.kept.push({ file, at: frame.at });
    this.writes = this.writes.then(() => writeFile(file, frame.data));
  }

  /** The ffconcat list: every frame with how long it stays on screen; the last one until `endAt`. */
  static concatList(frames: readonly KeptFrame[], endAt: number): string {
    const lines = ['ffconcat version 1.0'];
    frames.forEach((frame, index) => {
      const until = frames[index + 1]?.at ?? endAt;
      lines.push(`file '${path.basename(frame.file)}'`, `duration ${(Math.max(until - frame.at, 1) / 1000).toFixed(3)}`);
    });
    // The concat demuxer ignores the last entry's duration unless the file is listed once more.
    const last = frames.at(-1);
    if (last) lines.push(`file '${path.basename(last.file)}'`);
    return `${lines.join('\n')}\n`;
  }

  /** Stops collecting and encodes the film to `file` with the system's ffmpeg (VP8 in WebM). */
  async encode(file: string, size: VideoSize): Promise<{ ok: true } | { ok: false; reason: string }> {
    clearInterval(this.flusher);
    const endAt = this.now();
    if (this.pending) {
      const last = this.kept.at(-1);
      // Shown for at least one frame's time, even if it arrived right after the previous one.
      this.pending.at = Math.max(this.pending.at, (last?.at ?? 0) + MIN_GAP_MS);
      this.flushIfDue();
    }
    await this.writes;
    if (this.kept.length === 0) return { ok: false, reason: 'the page sent no frames' };
    const list = path.join(this.directory, 'frames.ffconcat');
    await writeFile(list, FrameFilm.concatList(this.kept, Math.max(endAt, this.kept.at(-1)!.at + MIN_GAP_MS)));
    const fit = `scale=${size.width}:${size.height}:force_original_aspect_ratio=decrease,pad=${size.width}:${size.height}:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p`;
    const args = ['-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', list, '-vf', fit, '-vsync', 'vfr'];
    args.push('-c:v', 'libvpx', '-b:v', '1M', '-deadline', 'good', '-cpu-used', '4', '-an', '-y', file);
    return new Promise((resolve) => {
      const ffmpeg = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      ffmpeg.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
      ffmpeg.once('error', (error) => resolve({ ok: false, reason: error.message }));
      ffmpeg.once('close', (code) => resolve(code === 0 ? { ok: true } : { ok: false, reason: `ffmpeg exit code ${code}: ${errors.trim()}` }));
    });
  }

  static async create(directory: string): Promise<FrameFilm> {
    await mkdir(directory, { recursive: true });
    return new FrameFilm(directory);
  }
}
