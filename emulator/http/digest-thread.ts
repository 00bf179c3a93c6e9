import { parentPort } from 'node:worker_threads';
import { inThreadDigests, type BodyDigests, type DigestResult } from './body-digests';
import type { DigestThreadReply, DigestThreadRequest } from './digest-threads-protocol';

/** The digest thread: hashes request bodies the main thread hands it, one job per body. */
const port = parentPort;
if (!port) throw new Error('digest-thread.ts runs as a worker thread');
const jobs = new Map<number, BodyDigests & { finishNow(): DigestResult }>();

port.on('message', (message: DigestThreadRequest) => {
  try {
    if (message.type === 'start') {
      jobs.set(message.job, inThreadDigests(message.digests));
    } else if (message.type === 'data') {
      jobs.get(message.job)?.update(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
    } else if (message.type === 'discard') {
      jobs.delete(message.job);
    } else {
      const digests = jobs.get(message.job);
      jobs.delete(message.job);
      if (!digests) throw new Error(`unknown digest job ${message.job}`);
      const { md5, sha256Hex, checksumBase64 } = digests.finishNow();
      port.postMessage({ job: message.job, ok: true, md5, sha256Hex, checksumBase64 } satisfies DigestThreadReply);
    }
  } catch (error) {
    port.postMessage({ job: message.job, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies DigestThreadReply);
  }
});
