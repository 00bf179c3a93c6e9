import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { FrameFilm, type VideoSize } from './frame-film';

export type { VideoSize } from './frame-film';

/** A page whose run is being filmed; `finish()` closes the context and says where the video went (or why none). */
export type FilmedPage = {
  context: BrowserContext;
  page: Page;
  finish: () => Promise<{ file: string | null; note: string }>;
};

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
 * The same film from the page's screencast frames, encoded afterwards by the system's ffmpeg (Debian's has VP8).
 */
async function withScreencast(browser: Browser, options: BrowserContextOptions, size: VideoSize, framesDir: string, file: string): Promise<FilmedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const film = await FrameFilm.create(framesDir);
  await page.screencast.start({ size, quality: 80, onFrame: ({ data }) => film.addFrame(data) });
  return {
    context,
    page,
    async finish() {
      await page.screencast.stop().catch(() => {});
      await context.close();
      const encoded = await film.encode(file, size);
      if (!encoded.ok) return { file: null, note: `No video: ${encoded.reason}` };
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
  if (systemFfmpeg()) return withScreencast(browser, options, video.size, path.join(video.scratchDir, 'frames'), video.file);
  return unfilmed(
    browser,
    options,
    'No video: neither Playwright’s ffmpeg (npx playwright install ffmpeg) nor a system ffmpeg (apt-get install ffmpeg) is installed.',
  );
}
