/**
 * Test support (not used at run time): a local HTTP server that records requests exactly as clients put them on
 * the wire, so SigV4 and aws-chunked tests can feed real SDK / CLI requests to the verifier and decoder.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface WireCapture {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

/** Answers every request 200 with `responseBody` (default: an empty S3-ish XML document). */
export async function startWireCapture(responseBody = '<?xml version="1.0" encoding="UTF-8"?><Result/>'): Promise<WireCapture> {
  const requests: CapturedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      const question = url.indexOf('?');
      requests.push({
        method: req.method ?? 'GET',
        rawPath: question < 0 ? url : url.slice(0, question),
        rawQuery: question < 0 ? '' : url.slice(question + 1),
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/xml', 'x-amz-request-id': 'capture' });
      res.end(responseBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
