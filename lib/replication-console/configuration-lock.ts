/**
 * Serializes read → fingerprint check → write of one bucket's replication configuration within this console
 * process. S3 has no conditional PutBucketReplication, so without this two Saves that read the same configuration
 * could both pass the optimistic check and the second write would drop the first one's rule. (Two console
 * processes against the same account can still race; S3 offers nothing to prevent that.)
 */
const queues = new Map<string, Promise<void>>();

export async function withConfigurationLock<T>(bucket: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(bucket) ?? Promise.resolve();
  let release = () => undefined as void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => done);
  queues.set(bucket, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (queues.get(bucket) === tail) queues.delete(bucket);
  }
}
