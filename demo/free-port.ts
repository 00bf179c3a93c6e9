import net from 'node:net';

/** Ports the demo must never take: the ones `npm start` uses by default, in case one is running. */
const RESERVED_PORTS = new Set([3000, 4510]);

function ephemeralPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned'))));
    });
  });
}

/** `count` distinct free ports on `host`, none of them 3000 or 4510. */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) {
    const port = await ephemeralPort(host);
    if (!RESERVED_PORTS.has(port)) ports.add(port);
  }
  return [...ports];
}
