import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import type { KeyState, Ledger, Operation, Outcome } from './ledger';
import { randomInt, type Random } from './random';

export interface LoadOptions {
  bucket: string;
  /** Keys written; each belongs to one worker so that its operations are ordered. */
  keys: readonly string[];
  workers: number;
  random: Random;
  /** Largest body; most bodies are much smaller. */
  maxBodyBytes: number;
}

export interface LoadRun {
  /** Ask the workers to stop after their current request; resolves when all have. */
  stop(): Promise<void>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function bodySize(random: Random, max: number): number {
  const roll = random();
  if (roll < 0.1) return 0;
  if (roll < 0.8) return randomInt(random, 1, Math.min(max, 16 * 1024));
  return randomInt(random, 16 * 1024, max);
}

function classify(error: unknown): { outcome: Outcome; error: string } {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; errors?: { code?: string }[] };
  if (e.$metadata?.httpStatusCode !== undefined) return { outcome: 'rejected', error: `${e.name ?? 'Error'} ${e.$metadata.httpStatusCode}` };
  const code = e.code ?? e.errors?.find((inner) => inner.code)?.code;
  if (code === 'ECONNREFUSED') return { outcome: 'refused', error: code };
  return { outcome: 'unknown', error: code ?? e.name ?? String(error) };
}

/**
 * Concurrent PUT / overwrite / DELETE on `keys`, recording every operation and its outcome in `ledger`. Runs until
 * stopped; requests in flight when the endpoint dies end with an unknown outcome.
 */
export function startLoad(s3: S3Client, ledger: Ledger, options: LoadOptions): LoadRun {
  let stopping = false;
  const worker = async (index: number) => {
    const owned = options.keys.filter((_, i) => i % options.workers === index);
    while (!stopping && owned.length > 0) {
      const key = owned[randomInt(options.random, 0, owned.length - 1)];
      const before = ledger.lastAcknowledgedState(key);
      const isDelete = before.kind === 'object' && options.random() < 0.2;
      const body = isDelete ? undefined : randomBytes(bodySize(options.random, options.maxBodyBytes));
      const state: KeyState = body ? { kind: 'object', sha256: sha256(body), size: body.length } : { kind: 'absent' };
      const kind: Operation['kind'] = isDelete ? 'delete' : before.kind === 'object' ? 'overwrite' : 'put';
      // Remembered before sending: a body the endpoint may have stored must be known even if the answer is lost.
      if (state.kind === 'object') ledger.sentBodies.set(state.sha256, state.size);
      let operation: Operation;
      try {
        const answer = body
          ? await s3.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: body }))
          : await s3.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key }));
        operation = { key, kind, state, outcome: 'acknowledged', versionId: answer.VersionId };
      } catch (error) {
        operation = { key, kind, state, ...classify(error) };
      }
      ledger.record(operation);
    }
  };
  const running = Array.from({ length: options.workers }, (_, i) => worker(i));
  return {
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}
