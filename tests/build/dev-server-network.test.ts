// `npm start` as a network service: it listens on 127.0.0.1 only (unless HOST says otherwise), and a request
// whose path cannot be mapped to a file gets an error status while the server keeps serving. The server runs
// in a child process exactly as `npm start` starts it, on a free port, and is stopped by its own process id.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { copyContent, seedSlug, tempDir } from '../helpers/site.ts';

let server: ChildProcess;
let port: number;
let printed = '';

beforeAll(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
    cwd: projectRoot,
    env: { ...process.env, CONTENT_DIR: copyContent(), OUTPUT_DIR: path.join(tempDir(), '_site'), PORT: '0', HOST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  port = await new Promise<number>((resolve, reject) => {
    const look = () => {
      const found = /Server at http:\/\/127\.0\.0\.1:(\d+)\//.exec(printed);
      if (found) resolve(Number(found[1]));
    };
    server.stdout?.on('data', look);
    server.stderr?.on('data', look);
    server.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${printed}`)));
  });
});

afterAll(async () => {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.on('exit', resolve));
  server.kill('SIGINT');
  await exited;
});

/** Sends `target` as the request line's path, byte for byte, and returns the status line. */
function rawGet(target: string, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host, () => socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
    socket.on('close', () => resolve(response.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

/** The local addresses of the sockets listening on `port`, from the kernel's tables (Linux). */
function listeningAddresses(): string[] {
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [address, hexPort] = (local ?? '').split(':');
      // State 0A is LISTEN.
      if (state === '0A' && hexPort !== undefined && parseInt(hexPort, 16) === port) addresses.push(address ?? '');
    }
  }
  return addresses;
}

describe('npm start on the network', () => {
  it('listens on 127.0.0.1 only, and says so', async () => {
    expect(printed).toContain(`Server at http://127.0.0.1:${port}/ (this machine only; HOST=0.0.0.0 opens it to the network)`);
    // 0100007F is 127.0.0.1 as the kernel writes it; every interface would be 00000000 (or :: in tcp6).
    expect(listeningAddresses()).toEqual(['0100007F']);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal);
    if (external) await expect(rawGet('/', external.address)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('answers malformed paths with an error status and keeps serving', async () => {
    const malformed: Array<[string, string]> = [
      ['/%', '400'],
      ['/%E0%A4%A', '400'],
      ['/%C0%AE%C0%AE/', '400'],
      ['/..%2f..%2f..%2fetc%2fpasswd', '400'],
      ['/articles/..%5c..%5cpackage.json', '400'],
      ['/%00', '400'],
      ['/index.html%00.css', '400'],
      ['http://[broken/', '400'],
      ['*', '400'],
      [`/${'a'.repeat(3000)}`, '414'],
    ];
    for (const [target, status] of malformed) {
      expect(await rawGet(target), target.slice(0, 40)).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    }
    expect(server.exitCode).toBeNull();
    expect(await rawGet(`/articles/${seedSlug}/`)).toBe('HTTP/1.1 200 OK');
    const page = await fetch(`http://127.0.0.1:${port}/articles/${seedSlug}/`).then((response) => response.text());
    expect(page).toContain('<h1>North Korea to Deploy More Troops to Support Russia in Ukraine War</h1>');
  });
});
