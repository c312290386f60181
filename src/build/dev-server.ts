// `npm start`'s server: Eleventy's dev server over a dev session (src/build/dev-session.ts), writing to an
// output folder and reloading the browser after each rebuild. The content's problems are put at the top of
// every HTML page it sends, so they are always the latest, whichever pages a rebuild rewrote.
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { configureSite, ENGINES_CONFIG_FILE } from '../eleventy/index.ts';
import { withProblemsBanner } from '../site/problems-banner.ts';
import { devSession, type DevSession } from './dev-session.ts';
import { survivingFirstBuild } from './first-build.ts';

export interface DevServerOptions {
  contentDir: string;
  templatesDir: string;
  outputDir: string;
  port: number;
  /** Where the session's reports go (the terminal). */
  warn: (message: string) => void;
}

export interface DevServer {
  session: DevSession;
  stop(): Promise<void>;
}

/** Middleware putting the session's current problems at the top of every HTML page the server sends. */
export function problemsBannerMiddleware(problems: () => readonly string[]) {
  return (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      return end(typeof chunk === 'string' && type.startsWith('text/html') ? withProblemsBanner(chunk, problems()) : chunk, ...rest);
    }) as typeof res.end;
    next();
  };
}

function devEleventy(options: Omit<DevServerOptions, 'port'>, session: DevSession): Eleventy {
  return new Eleventy(path.relative(process.cwd(), options.contentDir) || '.', options.outputDir, {
    configPath: ENGINES_CONFIG_FILE,
    runMode: 'serve',
    // A failed rebuild is reported, not fatal: the server stays up.
    source: 'script',
    quietMode: true,
    config: (config) => {
      configureSite(config, session);
      config.setServerOptions({ middleware: [problemsBannerMiddleware(() => session.problems())] });
    },
  });
}

/** Builds once, then watches the content and templates and serves the output folder on `port`. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const session = devSession(options.contentDir, options.templatesDir, options.warn);
  const eleventy = devEleventy(options, session);
  await eleventy.init();
  eleventy.write = survivingFirstBuild(eleventy.write.bind(eleventy), options.warn);
  await eleventy.watch();
  await eleventy.serve(options.port);
  return { session, stop: () => eleventy.stopWatch() };
}

/** One preview build, as the dev server's first, without serving it: for tests and scripts. */
export async function previewOnce(options: Omit<DevServerOptions, 'port'>): Promise<DevSession> {
  const session = devSession(options.contentDir, options.templatesDir, options.warn);
  const eleventy = devEleventy(options, session);
  eleventy.disableLogger();
  await eleventy.write();
  return session;
}
