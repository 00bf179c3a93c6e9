import type { Page } from '@playwright/test';
import type { AwsCli } from '../aws-cli';
import type { TutorialNames } from '../names';
import type { StepRecorder } from '../recorder';

export type AccessKey = { accessKeyId: string; secretAccessKey: string };

/** Everything a tutorial step needs. `page` is already on the console's origin (relative URLs work). */
export type DemoContext = {
  page: Page;
  names: TutorialNames;
  recorder: StepRecorder;
  /** The embedded endpoint's URL, for the AWS CLI's --endpoint-url. */
  endpointUrl: string;
  /** Directory holding version.txt and download.jpg. */
  fixturesDir: string;
  /** The AWS CLI when it is installed; without it the existing objects are copied from the console. */
  awsCli: AwsCli | null;
  /** True when the endpoint delays replication long enough for the console to show PENDING before COMPLETED. */
  pendingIsObservable: boolean;
  /** Filled by the steps as they go (the IAM step's access key is used by the CLI step). */
  state: { accessKey?: AccessKey };
};

export type DemoStep = { title: string; run: (context: DemoContext) => Promise<void> };
