import { createDestinationBucket, createSourceBucket, openConsole, uploadTutorialFiles } from './buckets';
import type { DemoStep } from './context';
import { copyExistingObjects, destinationHasBoth, destinationStillEmpty } from './existing-objects';
import { createAdminGroup, createCliUser } from './iam';
import { laterUploadReplicates } from './live-replication';
import { openReplication, runReplicationWizard, saveReplicationRule } from './replication';

export type { AccessKey, DemoContext, DemoStep } from './context';

/** The tutorial, in its order. The demo runner and e2e/demo.spec.ts both run exactly this list. */
export const TUTORIAL_STEPS: readonly DemoStep[] = [
  openConsole,
  createSourceBucket,
  uploadTutorialFiles,
  createDestinationBucket,
  openReplication,
  runReplicationWizard,
  saveReplicationRule,
  destinationStillEmpty,
  createAdminGroup,
  createCliUser,
  copyExistingObjects,
  destinationHasBoth,
  laterUploadReplicates,
];
