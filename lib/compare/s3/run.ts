import { compareBuckets, type Comparison } from '../compare';
import { listingPages } from './listing';
import { s3VersionLookup, type VersionStatusSource } from './lookup';
import type { ResolvedCompare, S3ClientFor } from './resolve';

export interface CompareDeps {
  s3: S3ClientFor;
  /** The embedded endpoint's per-version status (delete markers, failure reasons); absent on AWS. */
  statusSource?: VersionStatusSource;
}

/** Starts the streaming comparison of a resolved request against S3. */
export function runComparison(deps: CompareDeps, resolved: ResolvedCompare, signal?: AbortSignal, pageSize?: number): Comparison {
  const sourceS3 = deps.s3(resolved.sourceRegion);
  const destinationS3 = deps.s3(resolved.destinationRegion);
  const { mode } = resolved.request;
  return compareBuckets({
    mode,
    sourceBucket: resolved.sourceBucket,
    destinationBucket: resolved.destinationBucket,
    configuration: resolved.configuration,
    source: listingPages(sourceS3, { bucket: resolved.sourceBucket, prefix: resolved.prefix, mode, signal, pageSize }),
    destination: listingPages(destinationS3, { bucket: resolved.destinationBucket, prefix: resolved.prefix, mode, signal, pageSize }),
    lookup: s3VersionLookup(sourceS3, resolved.sourceBucket, deps.statusSource),
  });
}
