import { parseArgs } from 'node:util';
import { detailLine, isClean, runCrashTest, summaryLine } from './crash-run';

/** `npm run test:crash [-- --kills 20 --seed 123 --keep-data]`: the full crash run; exits 1 unless everything held. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kills: { type: 'string', default: process.env.CRASH_KILLS ?? '20' },
      seed: { type: 'string' },
      'keep-data': { type: 'boolean', default: false },
    },
  });
  const kills = Number(values.kills);
  if (!Number.isInteger(kills) || kills < 1) throw new Error(`--kills must be a positive whole number, got ${values.kills}`);
  const summary = await runCrashTest({
    kills,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    keepData: values['keep-data'],
    log: (line) => console.log(line),
  });
  console.log(summaryLine(summary));
  console.log(detailLine(summary));
  for (const problem of summary.problems) console.log(`  ${problem}`);
  if (values['keep-data']) console.log(`data directory kept: ${summary.dataDir}`);
  if (!isClean(summary)) process.exitCode = 1;
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
