import path from 'node:path';
import { awsCliFor, findAwsCli } from '@/demo/aws-cli';
import { isolatedNames } from '@/demo/names';
import { NO_RECORDING } from '@/demo/recorder';
import { TUTORIAL_STEPS, type DemoContext } from '@/demo/steps';
import { E2E_EMULATOR_URL } from './e2e-env';
import { test } from './fixtures';

/**
 * `npm run demo`'s steps, headless and without recording, so the demo cannot break silently. The endpoint is shared
 * with the other specs (which use the tutorial's own names), so this run uses bucket, group and user names of its own.
 */
test('the demo replays the whole tutorial in the console', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const aws = findAwsCli();
  if (!aws) testInfo.annotations.push({ type: 'note', description: 'AWS CLI (aws) not found: existing objects are copied from the console' });
  const context: DemoContext = {
    page,
    names: isolatedNames(Date.now().toString(36).slice(-6)),
    recorder: NO_RECORDING,
    endpointUrl: E2E_EMULATOR_URL,
    fixturesDir: path.join(__dirname, 'fixtures'),
    awsCli: aws ? awsCliFor(aws, E2E_EMULATOR_URL, testInfo.outputPath()) : null,
    // The shared endpoint replicates without delay (EMULATOR_REPLICATION_DELAY_MS=0): PENDING may never be seen.
    pendingIsObservable: false,
    state: {},
  };
  for (const step of TUTORIAL_STEPS) await test.step(step.title, () => step.run(context));
});
