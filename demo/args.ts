import { parseArgs } from 'node:util';

export type DemoOptions = { headed: boolean; slowMoMs: number; video: boolean; help: boolean };

export const SLOW_MO_MS = 400;

export const USAGE = `Usage: npm run demo -- [--headed] [--slow] [--no-video]

Replays the S3 CRR tutorial in Chromium against a fresh embedded endpoint and writes
demo-output/index.html (numbered screenshots, captions, AWS CLI output, video).

  --headed     show the browser window (needs a display; on a headless machine: xvfb-run -a npm run demo -- --headed)
  --slow       slow every browser action down by ${SLOW_MO_MS} ms, to follow it live
  --no-video   do not film the run
  --help       this text`;

/** The demo's command line; an unknown option throws with the usage text. */
export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        headed: { type: 'boolean', default: false },
        slow: { type: 'boolean', default: false },
        'no-video': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${USAGE}`);
  }
  return { headed: values.headed, slowMoMs: values.slow ? SLOW_MO_MS : 0, video: !values['no-video'], help: values.help };
}
