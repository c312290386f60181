// A tiny static file server for the browser tests: one folder, 127.0.0.1 only, an ephemeral port.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.eml': 'message/rfc822',
};

export interface StaticServer {
  /** e.g. `http://127.0.0.1:43127`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` the way a static host does: `/x/` → `/x/index.html`, unknown paths → `/404.html` with status 404. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    let file: string | undefined;
    try {
      file = resolveFile(root, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname));
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const status = file ? 200 : 404;
    const body = file ?? path.join(root, '404.html');
    if (!fs.existsSync(body)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(status, { 'content-type': CONTENT_TYPES[path.extname(body)] ?? 'application/octet-stream' });
    fs.createReadStream(body).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function resolveFile(root: string, pathname: string): string | undefined {
  const candidate = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  // path.join normalises `..`; anything that climbs out of the root is simply not found.
  if (!candidate.startsWith(root + path.sep)) return undefined;
  return fs.statSync(candidate, { throwIfNoEntry: false })?.isFile() ? candidate : undefined;
}
