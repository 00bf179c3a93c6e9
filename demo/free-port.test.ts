import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePorts } from './free-port';

describe('freePorts', () => {
  it('returns distinct ports that can be listened on, never 3000 or 4510', async () => {
    const ports = await freePorts(3);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) {
      expect([3000, 4510]).not.toContain(port);
      const server = net.createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: '127.0.0.1', port }, resolve);
      });
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
