// The dev server's address and request guard: `npm start` listens on 127.0.0.1 unless HOST opens it, and
// answers a URL it can not map to a file (bad percent-encoding, NUL, `..`, an over-long path) with an error
// status instead of letting Eleventy's dev server throw, which would end the process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
/** Longer request paths are refused: no page of the site has a URL near this long. */
export const MAX_PATH_LENGTH = 2048;

export interface DevServerAddress {
  host: string;
  port: number;
}

export class DevServerSettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DevServerSettingError';
  }
}

/** HOST (an IP address, or `localhost`; default 127.0.0.1) and PORT (0 to 65535, 0 for any free one; default 8080). */
export function devServerAddress(env: Readonly<Record<string, string | undefined>>): DevServerAddress {
  const host = env.HOST?.trim() || DEFAULT_HOST;
  if (host !== 'localhost' && net.isIP(host) === 0) {
    throw new DevServerSettingError(
      `HOST=${JSON.stringify(env.HOST)}: expected an IP address to listen on, such as 127.0.0.1 (the default) or 0.0.0.0 (every interface)`,
    );
  }
  const written = env.PORT?.trim() || String(DEFAULT_PORT);
  const port = Number(written);
  if (!/^\d+$/.test(written) || port > 65535) {
    throw new DevServerSettingError(`PORT=${JSON.stringify(env.PORT)}: expected a port number from 0 to 65535 (0 picks a free one)`);
  }
  return { host, port };
}

/** True when the server can be reached from other machines, not only from this one. */
export function isOpenToNetwork(host: string): boolean {
  return host !== 'localhost' && !/^127\./.test(host) && host !== '::1';
}

export interface RequestProblem {
  status: number;
  reason: string;
}

/** Why a request target can not be served from the output folder, or undefined when it can be looked up. */
export function requestProblem(target: string | undefined): RequestProblem | undefined {
  if (!target) return { status: 400, reason: 'no request path' };
  if (target.length > MAX_PATH_LENGTH) return { status: 414, reason: `the request path is longer than ${MAX_PATH_LENGTH} characters` };
  // Only paths (origin form): an absolute URL or `*` as the target is for proxies and OPTIONS, not for this server.
  if (!target.startsWith('/')) return { status: 400, reason: 'the request target is not a path' };
  let pathname: string;
  try {
    pathname = new URL(target, 'http://dev.invalid').pathname;
  } catch {
    return { status: 400, reason: 'the request path is not a valid URL path' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, reason: 'the request path has percent-encoding that does not decode' };
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here.
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { status: 400, reason: 'the request path has a control character' };
  if (decoded.split(/[/\\]/).includes('..')) return { status: 400, reason: 'the request path leaves the site (..)' };
  return undefined;
}

/** Dev server middleware: answers a request `requestProblem` refuses with its status, before any file lookup. */
export function guardRequests(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const problem = requestProblem(req.url);
  if (!problem) {
    next();
    return;
  }
  res.statusCode = problem.status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${problem.status}: ${problem.reason}\n`);
}

interface DevServerPrototype {
  _serverListen(this: { server: { listen(options: { port: number; host: string }): void } }, port: number): void;
}

/**
 * Eleventy's dev server listens with `listen({ port })`, which is every interface, and has no option for the
 * address; every instance it makes (a config change can make a new one) listens on `host` from here on. The
 * class is loaded from where Eleventy loads it, so it is the one Eleventy uses. Checked by
 * tests/build/dev-server-network.test.ts, which reads the address the running server is bound to.
 */
export function listenOn(host: string): void {
  const fromEleventy = createRequire(import.meta.resolve('@11ty/eleventy'));
  const { prototype } = fromEleventy('@11ty/eleventy-dev-server') as { prototype: DevServerPrototype };
  prototype._serverListen = function (port) {
    this.server.listen({ port, host });
  };
}

/** The start message, naming the address really listened on (Eleventy's own names localhost, which may mean ::1). */
function startMessage({ hosts, options }: { hosts: string[]; options: { listenHost: string } }): string {
  const port = /:(\d+)\/?$/.exec(hosts[0] ?? '')?.[1] ?? '';
  const host = options.listenHost;
  const shown = host.includes(':') ? `[${host}]` : host;
  return isOpenToNetwork(host)
    ? `Server at http://${shown}:${port}/, open to the network (HOST=${host}): anyone who can reach this machine sees the drafts`
    : `Server at http://${shown}:${port}/ (this machine only; HOST=0.0.0.0 opens it to the network)`;
}

/**
 * Eleventy server options for `setServerOptions`: the port, the request guard and the start message. Its
 * functions are the same objects on every call, so a config reload, which compares the options, does not
 * restart the server.
 */
export function devServerOptions({ host, port }: DevServerAddress): Record<string, unknown> {
  return { port, listenHost: host, showAllHosts: false, middleware: [guardRequests], messageOnStart: startMessage };
}
