import { PassThrough, Readable, Transform, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pump } from './pump';

function collector(): { sink: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  return {
    chunks,
    sink: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
  };
}

const upper = () =>
  new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, Buffer.from(chunk.toString().toUpperCase()));
    },
  });

describe('pump', () => {
  it('moves every chunk through the transforms into the sink, then resolves', async () => {
    const { sink, chunks } = collector();
    await pump(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), [new PassThrough(), upper()], sink);
    expect(Buffer.concat(chunks).toString()).toBe('ABCD');
  });

  it('rejects with a transform error raised at the end of the stream, destroying every stream', async () => {
    const source = Readable.from([Buffer.from('x')]);
    const failing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        callback(null, chunk);
      },
      flush(callback) {
        callback(new Error('bad digest'));
      },
    });
    const { sink } = collector();
    await expect(pump(source, [failing], sink)).rejects.toThrow('bad digest');
    expect(sink.destroyed).toBe(true);
    expect(source.destroyed).toBe(true);
  });

  it('rejects when the source fails mid-way, and when it closes without ending', async () => {
    const erroring = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(pump(erroring, [new PassThrough()], collector().sink)).rejects.toThrow('client went away');
    const closing = new PassThrough();
    closing.write('partial');
    const pumped = pump(closing, [], collector().sink);
    closing.destroy();
    await expect(pumped).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('rejects when the sink fails, destroying the source', async () => {
    const source = new PassThrough();
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
      },
    });
    const pumped = pump(source, [], sink);
    source.write('data');
    await expect(pumped).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(source.destroyed).toBe(true);
  });
});
