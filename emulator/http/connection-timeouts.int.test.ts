import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { endpointForSuite } from '../testing/endpoint.testkit';
import { HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS } from './connection-timeouts';

const t = endpointForSuite();

/** Longer than Node's default keep-alive timeout (5 s), after which the server used to close idle connections. */
const IDLE_MS = 6_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RawAnswer {
  statusLine: string;
  keepAlive: string | undefined;
}

/** Sends an unsigned GET / on an open socket and reads its whole answer (header section and Content-Length body). */
function exchange(socket: Socket, host: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      cleanup();
      resolve({ statusLine: head.slice(0, head.indexOf('\r\n')), keepAlive: /\r\nkeep-alive: *([^\r]*)/i.exec(head)?.[1] });
    };
    const onClose = () => {
      cleanup();
      reject(new Error(`connection closed before a whole answer (received ${JSON.stringify(received.toString('latin1'))})`));
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
  });
}

/** An unsigned GET through `agent`; resolves with the status and whether the agent reused a pooled socket. */
function getThrough(agent: Agent): Promise<{ status: number; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.emulator.url}/`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('connection timeouts', () => {
  it('keeps the header timeout above the keep-alive timeout', () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
    expect(HEADERS_TIMEOUT_MS).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
  });

  it.concurrent(
    'answers a second request on a keep-alive connection that sat idle for 6 s',
    async () => {
      const url = new URL(t.emulator.url);
      const socket = connect(Number(url.port), url.hostname);
      socket.on('error', () => undefined);
      try {
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        expect(await exchange(socket, url.host)).toEqual({ statusLine: 'HTTP/1.1 403 Forbidden', keepAlive: 'timeout=65' });
        await sleep(IDLE_MS);
        expect(socket.destroyed).toBe(false);
        expect((await exchange(socket, url.host)).statusLine).toBe('HTTP/1.1 403 Forbidden');
      } finally {
        socket.destroy();
      }
    },
    20_000,
  );

  it.concurrent(
    "lets a keep-alive agent like the AWS SDK's default reuse its pooled socket after 6 s idle",
    async () => {
      // The SDK's NodeHttpHandler pools sockets in `new Agent({ keepAlive: true, maxSockets: 50 })`, which closes an
      // idle socket one second before the `Keep-Alive: timeout=N` the server announces.
      const agent = new Agent({ keepAlive: true, maxSockets: 50 });
      try {
        const first = await getThrough(agent);
        expect(first).toEqual({ status: 403, reusedSocket: false });
        await sleep(IDLE_MS);
        expect(await getThrough(agent)).toEqual({ status: 403, reusedSocket: true });
      } finally {
        agent.destroy();
      }
    },
    20_000,
  );
});
