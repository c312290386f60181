// `npm start`'s server: Eleventy's dev server over a dev session (src/build/dev-session.ts), writing to an
// output folder and reloading the browser after each rebuild. The content's problems are put at the top of
// every HTML page it sends, so they are always the latest, whichever pages a rebuild rewrote.
import type { IncomingMessage, ServerResponse } from 'node:http';
import Eleventy from '@11ty/eleventy';
import { configureSite, eleventyPath, ENGINES_CONFIG_FILE } from '../eleventy/index.ts';
import { withProblemsBanner } from '../site/problems-banner.ts';
import { devServerOptions, listenOn, type DevServerAddress } from '../serve/dev-server.ts';
import { devSession, type DevSession } from './dev-session.ts';
import { emptyOutputFolder } from '../shared/output-folder.ts';
import { survivingFirstBuild } from './first-build.ts';

export interface DevServerOptions {
  contentDir: string;
  templatesDir: string;
  outputDir: string;
  /** Where it listens: 127.0.0.1 unless HOST says otherwise (src/serve/dev-server.ts). */
  address: DevServerAddress;
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

type EleventyOptions = NonNullable<ConstructorParameters<typeof Eleventy>[2]>;

/**
 * Eleventy as the dev server runs it. Its watch() builds once before watching and gives up if that build
 * throws, so one unreadable file would keep `npm start` from starting: this one's first build reports a
 * failure through `warn` instead (src/build/first-build.ts), and the server starts and watches anyway.
 */
class DevEleventy extends Eleventy {
  readonly #write: () => Promise<unknown>;

  /** `warn`: where a failed first build is reported; without it (one preview build), a failure throws. */
  constructor(input: string, output: string, options: EleventyOptions, warn?: (message: string) => void) {
    super(input, output, options);
    this.#write = warn ? survivingFirstBuild(() => super.write(), warn) : () => super.write();
  }

  override write(): Promise<unknown> {
    return this.#write();
  }
}

function devEleventy(
  options: Omit<DevServerOptions, 'address'>,
  session: DevSession,
  serverOptions?: Record<string, unknown>,
): DevEleventy {
  return new DevEleventy(
    eleventyPath(options.contentDir),
    options.outputDir,
    {
      configPath: ENGINES_CONFIG_FILE,
      runMode: 'serve',
      // A failed rebuild is reported, not fatal: the server stays up.
      source: 'script',
      quietMode: true,
      config: (config) => {
        configureSite(config, session);
        if (serverOptions) config.setServerOptions(serverOptions);
      },
    },
    serverOptions ? options.warn : undefined,
  );
}

/**
 * Empties the output folder (only one a build or dev server of ours wrote), builds once, then watches the
 * content and templates and serves the output folder at `address`.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  emptyOutputFolder(options.outputDir, {
    label: "npm start's output folder",
    hint: 'Set OUTPUT_DIR to a folder of its own (the default is _site).',
    contentDir: options.contentDir,
  });
  const session = devSession(options);
  // Made once: a configuration reload compares the server options, and new functions would restart the server.
  const base = devServerOptions(options.address);
  const serverOptions = { ...base, middleware: [...(base.middleware as unknown[]), problemsBannerMiddleware(() => session.problems())] };
  listenOn(options.address.host);
  const eleventy = devEleventy(options, session, serverOptions);
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.address.port);
  return { session, stop: () => eleventy.stopWatch() };
}

/** One preview build, as the dev server's first, without serving it: for tests and scripts. */
export async function previewOnce(options: Omit<DevServerOptions, 'address'>): Promise<DevSession> {
  const session = devSession(options);
  const eleventy = devEleventy(options, session);
  eleventy.disableLogger();
  await eleventy.write();
  return session;
}
