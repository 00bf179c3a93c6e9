import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The "no-semantics" server: the most an S3 client can get from this machine. PUT drains the body and answers 200
 * with an ETag; GET (and HEAD) answer a fixed 4 KiB body. No auth, no storage, no XML.
 */
const BODY = Buffer.alloc(4096, 0x61);
const ETAG = '"ceiling-fixed-body"';
const LAST_MODIFIED = new Date().toUTCString();

const server = createServer((req, res) => {
  if (req.method === 'PUT') {
    req.on('end', () => {
      res.writeHead(200, { etag: ETAG, 'content-length': '0' });
      res.end();
    });
    req.resume();
    return;
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    res.writeHead(200, {
      etag: ETAG,
      'content-length': String(BODY.length),
      'content-type': 'application/octet-stream',
      'last-modified': LAST_MODIFIED,
    });
    res.end(req.method === 'GET' ? BODY : undefined);
    req.resume();
    return;
  }
  res.writeHead(405, { 'content-length': '0' });
  res.end();
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`ceiling listening on ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
