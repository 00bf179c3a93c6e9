import { spawn, spawnSync } from 'node:child_process';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';

export type VideoSize = { width: number; height: number };

/** A page whose run is being filmed; `finish()` closes the context and says where the video went (or why none). */
export type FilmedPage = {
  context: BrowserContext;
  page: Page;
  finish: () => Promise<{ file: string | null; note: string }>;
};

const FPS = 10;
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;

function systemFfmpeg(): boolean {
  return spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/** Playwright's own video recording, which needs Playwright's ffmpeg (`npx playwright install ffmpeg`). */
async function withRecordVideo(browser: Browser, options: BrowserContextOptions, size: VideoSize, videoDir: string, file: string): Promise<FilmedPage> {
  const context = await browser.newContext({ ...options, recordVideo: { dir: videoDir, size } });
  let page: Page;
  try {
    page = await context.newPage();
  } catch (error) {
    await context.close();
    throw error;
  }
  return {
    context,
    page,
    async finish() {
      await context.close();
      await page.video()?.saveAs(file);
      return { file, note: 'Recorded with Playwright’s recordVideo.' };
    },
  };
}

/**
 * The same film from the page's screencast frames, encoded by the system's ffmpeg (Debian's has VP8). Frames come
 * only when the page repaints, so the last one is repeated at a fixed rate to keep the timing true.
 */
async function withScreencast(browser: Browser, options: BrowserContextOptions, size: VideoSize, file: string): Promise<FilmedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const scale = `scale=${size.width}:${size.height}:force_original_aspect_ratio=decrease,pad=${size.width}:${size.height}:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p`;
  const ffmpeg = spawn(
    'ffmpeg',
    ['-loglevel', 'error', '-f', 'image2pipe', '-framerate', String(FPS), '-c:v', 'mjpeg', '-i', 'pipe:0', '-vf', scale, '-c:v', 'libvpx', '-b:v', '1M', '-deadline', 'realtime', '-cpu-used', '8', '-an', '-y', file],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let ffmpegErrors = '';
  ffmpeg.stderr.on('data', (chunk: Buffer) => (ffmpegErrors += chunk.toString('utf8')));
  const ffmpegDone = new Promise<number | null>((resolve) => ffmpeg.once('close', resolve));
  ffmpeg.stdin.on('error', () => {}); // reported through the exit code

  let latest: Buffer | undefined;
  await page.screencast.start({ size, onFrame: ({ data }) => void (latest = data) });
  // Every tick writes a frame, or the film would run faster than the demo; frames are dropped only if ffmpeg falls
  // far behind (a frame is far bigger than the pipe's buffer, so write()'s backpressure signal is always on).
  const ticker = setInterval(() => {
    if (latest && ffmpeg.stdin.writable && ffmpeg.stdin.writableLength < MAX_QUEUED_BYTES) ffmpeg.stdin.write(latest);
  }, 1000 / FPS);

  return {
    context,
    page,
    async finish() {
      clearInterval(ticker);
      await page.screencast.stop().catch(() => {});
      await context.close();
      ffmpeg.stdin.end();
      const code = await ffmpegDone;
      if (code !== 0) return { file: null, note: `ffmpeg could not encode the video (exit code ${code}): ${ffmpegErrors.trim()}` };
      return { file, note: 'Recorded from the page’s screencast, encoded by the system’s ffmpeg.' };
    },
  };
}

async function unfilmed(browser: Browser, options: BrowserContextOptions, note: string): Promise<FilmedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return {
    context,
    page,
    async finish() {
      await context.close();
      return { file: null, note };
    },
  };
}

/**
 * A context and page for the demo, filmed when possible: Playwright's recordVideo where its ffmpeg is installed, else
 * the screencast through a system ffmpeg, else no film (the screenshots and report do not depend on it).
 */
export async function openFilmedPage(
  browser: Browser,
  options: BrowserContextOptions,
  video: { size: VideoSize; scratchDir: string; file: string } | null,
): Promise<FilmedPage> {
  if (!video) return unfilmed(browser, options, 'Video turned off (--no-video).');
  try {
    return await withRecordVideo(browser, options, video.size, video.scratchDir, video.file);
  } catch (error) {
    if (!/ffmpeg/i.test((error as Error).message)) throw error;
  }
  if (systemFfmpeg()) return withScreencast(browser, options, video.size, video.file);
  return unfilmed(
    browser,
    options,
    'No video: neither Playwright’s ffmpeg (npx playwright install ffmpeg) nor a system ffmpeg (apt-get install ffmpeg) is installed.',
  );
}
