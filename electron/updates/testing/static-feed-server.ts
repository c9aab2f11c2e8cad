/**
 * A bare HTTP server for electron-updater tests: serves named files from memory on 127.0.0.1 and
 * records what was asked. The sync server's real feed (Range, channels) is exercised in
 * test/electron/update-feed.test.ts; this one only has to answer the updater.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFeedServer {
  readonly url: string;
  readonly files: Map<string, Uint8Array | string>;
  readonly requests: { path: string; headers: Record<string, string | string[] | undefined> }[];
  close(): Promise<void>;
}

export async function startStaticFeedServer(prefix = '/updates/'): Promise<StaticFeedServer> {
  const files = new Map<string, Uint8Array | string>();
  const requests: StaticFeedServer['requests'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, headers: req.headers });
    const body = url.pathname.startsWith(prefix) ? files.get(url.pathname.slice(prefix.length)) : undefined;
    if (body === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    files,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
