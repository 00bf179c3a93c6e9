/**
 * `npm run demo`: replays the tutorial (docs: /work/shared/reference/tutorial.md, README "Demo") in Chromium against a
 * fresh embedded endpoint, and writes demo-output/index.html with numbered screenshots, captions, AWS CLI output and
 * a video. Everything it starts (console, endpoint, browser, temporary data) is stopped or removed on exit and Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutablePath } from '@/e2e/chromium';
import { parseDemoArgs, USAGE, type DemoOptions } from './args';
import { awsCliFor, findAwsCli } from './aws-cli';
import { isBuildCurrent } from './build-freshness';
import { CleanupStack } from './cleanup';
import { freePorts } from './free-port';
import { TUTORIAL_NAMES } from './names';
import { writeReport } from './report';
import { ScreenshotRecord } from './screenshot-record';
import { startServers } from './servers';
import { TUTORIAL_STEPS, type DemoContext } from './steps';
import { openFilmedPage } from './video';

const ROOT = path.resolve(__dirname, '..');
const OUTPUT_DIR = path.join(ROOT, 'demo-output');
const FIXTURES_DIR = path.join(ROOT, 'e2e', 'fixtures');
const VIEWPORT = { width: 1280, height: 800 };
/** Long enough for the objects table to show PENDING before it polls COMPLETED (it polls every 2 s). */
const REPLICATION_DELAY_MS = 5_000;
const CHAPTER_MS = 1_200;

const say = (message: string) => console.log(`demo: ${message}`);

/** A root key for this run only (the endpoint and its data are thrown away afterwards). */
function throwawayRootKey() {
  return {
    accessKeyId: `AKIADEMO${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
}

function checkDisplay(options: DemoOptions): void {
  if (options.headed && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('--headed needs a display. On a machine without one, run: xvfb-run -a npm run demo -- --headed --slow');
  }
}

async function launchBrowser(options: DemoOptions, cleanup: CleanupStack): Promise<Browser> {
  const browser = await chromium.launch({
    headless: !options.headed,
    slowMo: options.slowMoMs,
    executablePath: chromiumExecutablePath(),
    args: [...CHROMIUM_ARGS],
    // Ctrl-C is handled here, so that the browser closes in order with everything else.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanup.add('close the browser', () => browser.close());
  return browser;
}

async function runDemo(options: DemoOptions, cleanup: CleanupStack): Promise<number> {
  const startedAt = new Date();
  await rm(OUTPUT_DIR, { recursive: true, force: true });
  await mkdir(OUTPUT_DIR, { recursive: true });
  const scratch = await mkdtemp(path.join(os.tmpdir(), 's3rc-demo-'));
  cleanup.add('remove the temporary data directory', () => rm(scratch, { recursive: true, force: true }));

  const [consolePort, emulatorPort] = await freePorts(2);
  const skipBuild = isBuildCurrent(ROOT);
  say(skipBuild ? 'reusing the current console build' : 'building the console first (next build; a few minutes on 2 cores)…');
  say(`starting a fresh endpoint on port ${emulatorPort} and the console on port ${consolePort} (log: demo-output/servers.log)`);
  const servers = startServers({
    root: ROOT,
    consolePort,
    emulatorPort,
    dataDir: path.join(scratch, 'data'),
    credentials: throwawayRootKey(),
    replicationDelayMs: REPLICATION_DELAY_MS,
    skipBuild,
    logFile: path.join(OUTPUT_DIR, 'servers.log'),
  });
  cleanup.add('stop the console and the endpoint', () => servers.stop());
  await servers.ready;
  say(`console ready at ${servers.consoleUrl}`);

  const browser = await launchBrowser(options, cleanup);
  const filmed = await openFilmedPage(
    browser,
    { baseURL: servers.consoleUrl, viewport: VIEWPORT },
    options.video ? { size: VIEWPORT, scratchDir: path.join(scratch, 'video'), file: path.join(OUTPUT_DIR, 'demo.webm') } : null,
  );
  const record = new ScreenshotRecord(filmed.page, OUTPUT_DIR);
  const aws = findAwsCli();
  if (!aws) say('the AWS CLI (aws) is not installed: the existing objects are copied from the console instead');
  const context: DemoContext = {
    page: filmed.page,
    names: TUTORIAL_NAMES,
    recorder: record,
    endpointUrl: servers.emulatorUrl,
    fixturesDir: FIXTURES_DIR,
    awsCli: aws ? awsCliFor(aws, servers.emulatorUrl, scratch) : null,
    pendingIsObservable: true,
    state: {},
  };

  // The first chapter title then shows over the console rather than a blank page.
  await filmed.page.goto('/');
  let failure: { step: string; message: string } | undefined;
  for (const [index, step] of TUTORIAL_STEPS.entries()) {
    say(`${index + 1}/${TUTORIAL_STEPS.length} ${step.title}`);
    record.beginStep(step.title);
    try {
      if (options.video) await filmed.page.screencast.showChapter(`${index + 1}. ${step.title}`, { duration: CHAPTER_MS }).catch(() => {});
      await step.run(context);
    } catch (error) {
      failure = { step: step.title, message: (error as Error).message };
      await record.screenshot('Where the run stopped').catch(() => {});
      break;
    }
  }

  const video = await filmed.finish();
  const report = await writeReport(OUTPUT_DIR, {
    startedAt,
    finishedAt: new Date(),
    failure,
    consoleUrl: servers.consoleUrl,
    endpointUrl: servers.emulatorUrl,
    browser: `Chromium ${browser.version()}, ${options.headed ? 'headed' : 'headless'}${options.slowMoMs ? `, slowed by ${options.slowMoMs} ms` : ''}`,
    steps: record.steps,
    videoFile: video.file ? path.basename(video.file) : null,
    videoNote: video.note,
  });
  if (failure) console.error(`demo: FAILED at "${failure.step}":\n${failure.message}`);
  else say(`all ${TUTORIAL_STEPS.length} steps passed`);
  say(`report: ${pathToFileURL(report).href}`);
  return failure ? 1 : 0;
}

async function main(): Promise<void> {
  const cleanup = new CleanupStack();
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\ndemo: ${signal} received, stopping everything it started…`);
      void cleanup.runAll().then(() => process.exit(130));
    });
  }

  let exitCode: number;
  try {
    const options = parseDemoArgs(process.argv.slice(2));
    if (options.help) {
      console.log(USAGE);
      return;
    }
    checkDisplay(options);
    exitCode = await runDemo(options, cleanup);
  } catch (error) {
    if (interrupted) return;
    console.error(`demo: ${(error as Error).message}`);
    exitCode = 1;
  }
  await cleanup.runAll();
  if (!interrupted) process.exit(exitCode);
}

void main();
