// The browser tests' static server behaves like a static host, and only serves its own folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/site.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

describe('serveStatic', () => {
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    const parent = tempDir('static-server-');
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside the root');
    root = path.join(parent, 'site');
    fs.mkdirSync(path.join(root, 'articles', 'a'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<p>home</p>');
    fs.writeFileSync(path.join(root, 'articles', 'a', 'index.html'), '<p>article a</p>');
    fs.writeFileSync(path.join(root, '404.html'), '<p>not found page</p>');
    server = await serveStatic(root);
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves a folder URL from its index.html, as HTML', async () => {
    const response = await fetch(`${server.origin}/articles/a/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<p>article a</p>');
  });

  it('answers an unknown path with the 404 page and status 404', async () => {
    const response = await fetch(`${server.origin}/nowhere/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<p>not found page</p>');
  });

  it('never serves a file outside its folder, nor crashes on a malformed path', async () => {
    // An encoded slash survives URL parsing and only becomes `../` once decoded.
    const escaped = await fetch(`${server.origin}/..%2fsecret.txt`);
    expect(escaped.status).toBe(404);
    expect(await escaped.text()).not.toContain('outside the root');
    expect((await fetch(`${server.origin}/%E0%A4%A`)).status).toBe(400);
  });
});
