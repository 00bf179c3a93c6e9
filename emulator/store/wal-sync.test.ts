import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalFile, WalSync } from './wal-sync';
import { Store } from './store';

/** A flush the test completes by hand, recording the change count each flush started with. */
function manualFlush(counter: { value: number }) {
  const started: number[] = [];
  const finishers: ((error?: Error) => void)[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      started.push(counter.value);
      finishers.push((error) => (error ? reject(error) : resolve()));
    });
  return { flush, started, finish: (error?: Error) => finishers.shift()?.(error) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WalSync', () => {
  it('does not flush when nothing was committed since the last flush', async () => {
    const counter = { value: 0 };
    const manual = manualFlush(counter);
    const sync = new WalSync(() => counter.value, manual.flush);
    await sync.durable();
    expect(manual.started).toEqual([]);
  });

  it('lets concurrent callers share one flush, and callers arriving mid-flush share the next one', async () => {
    const counter = { value: 1 };
    const manual = manualFlush(counter);
    const sync = new WalSync(() => counter.value, manual.flush);
    const order: string[] = [];
    const first = [sync.durable(), sync.durable()].map((p, i) => p.then(() => order.push(`first${i}`)));
    await tick();
    expect(manual.started).toEqual([1]);
    counter.value = 3; // two more commits while the first flush is on its way
    const second = [sync.durable(), sync.durable(), sync.durable()].map((p, i) => p.then(() => order.push(`second${i}`)));
    await tick();
    expect(manual.started).toEqual([1]); // the next flush waits for the one in flight
    manual.finish();
    await Promise.all(first);
    await tick();
    expect(manual.started).toEqual([1, 3]);
    expect(order).toEqual(['first0', 'first1']);
    manual.finish();
    await Promise.all(second);
    expect(order).toHaveLength(5);
    await sync.durable(); // everything is on disk now: no third flush
    expect(manual.started).toHaveLength(2);
  });

  it('rejects the callers of a failed flush and flushes again for the next caller', async () => {
    const counter = { value: 1 };
    const manual = manualFlush(counter);
    const sync = new WalSync(() => counter.value, manual.flush);
    const failed = sync.durable();
    await tick();
    manual.finish(new Error('EIO'));
    await expect(failed).rejects.toThrow('EIO');
    const retried = sync.durable();
    await tick();
    expect(manual.started).toEqual([1, 1]);
    manual.finish();
    await expect(retried).resolves.toBeUndefined();
  });
});

describe('WalFile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wal-sync-'));
    dirs.push(dir);
    return dir;
  };

  it('flushes an existing file, repeatedly and concurrently, and treats a missing one as nothing to flush', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'wal'), 'frames');
    const wal = new WalFile(path.join(dir, 'wal'));
    await expect(Promise.all([wal.flush(), wal.flush(), wal.flush()])).resolves.toHaveLength(3);
    await expect(wal.flush()).resolves.toBeUndefined();
    wal.close();
    const absent = new WalFile(path.join(dir, 'absent'));
    await expect(absent.flush()).resolves.toBeUndefined();
    absent.close();
  });

  it('opens the file once it exists (SQLite creates the WAL on the first commit)', async () => {
    const dir = tempDir();
    const wal = new WalFile(path.join(dir, 'wal'));
    await expect(wal.flush()).resolves.toBeUndefined();
    writeFileSync(path.join(dir, 'wal'), 'frames');
    await expect(wal.flush()).resolves.toBeUndefined();
    wal.close();
  });

  it('refuses to flush after close, and lets a flush in flight finish first', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'wal'), 'frames');
    const wal = new WalFile(path.join(dir, 'wal'));
    const inFlight = wal.flush();
    wal.close();
    await expect(inFlight).resolves.toBeUndefined();
    await expect(wal.flush()).rejects.toThrow('closed');
  });
});

describe('Store.durable', () => {
  it('counts commits of the metadata database and resolves once they are flushed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wal-sync-store-'));
    const store = Store.open(dir);
    try {
      expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: the WAL is flushed by durable()
      store.buckets.create('durable-bucket', 'us-east-1', 'owner');
      await expect(store.durable()).resolves.toBeUndefined();
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
