// Launches Debian's Chromium for the browser tests; a missing binary is a failure with a fix, never a skip.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

// A quiet, offline browser: no first-run UI, no background fetches that could leave 127.0.0.1.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  constructor(
    readonly executablePath: string,
    fromEnv: boolean,
    detail?: string,
  ) {
    const where = fromEnv ? `${executablePath} (from CHROMIUM_PATH)` : executablePath;
    super(
      `${detail ? `Chromium at ${where} failed to start: ${detail}` : `Chromium not found at ${where}`}.\n` +
        "The browser tests need it. Install Debian's Chromium with `apt-get install -y chromium` " +
        '(.ci/run does this), or set CHROMIUM_PATH to a Chromium binary.',
    );
    this.name = 'ChromiumMissingError';
  }
}

/** The Chromium binary to drive: `CHROMIUM_PATH` if set, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = chromiumPath(env);
  const fromEnv = Boolean(env.CHROMIUM_PATH);
  if (!fs.existsSync(executablePath)) throw new ChromiumMissingError(executablePath, fromEnv);
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ChromiumMissingError(executablePath, fromEnv, detail);
  }
}
