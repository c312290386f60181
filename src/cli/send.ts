// `npm run send`: sends one digest to a recipients CSV (or writes it to an outbox folder); see docs/sending.md.
import { parseSendArgs, USAGE } from '../send/args.ts';
import { SendRefusedError } from '../send/errors.ts';
import { systemClock } from '../send/rate-limit.ts';
import { runSend } from '../send/run.ts';
import { EXIT_CODES } from '../send/summary.ts';
import { openSubscriberList } from '../subscriptions/send-list.ts';

function readOptions() {
  try {
    return parseSendArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SendRefusedError)) throw error;
    process.stderr.write(`send: ${error.problems.join('\n  ')}\n\n${USAGE}`);
    process.exit(EXIT_CODES.refused);
  }
}

const options = readOptions();
if (options === undefined) {
  process.stdout.write(USAGE);
} else {
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
    process.stderr.write('\nStopping: messages already with the server finish first (Ctrl-C again to quit at once)\n');
  });
  const result = await runSend(options, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    clock: systemClock,
    signal: interrupt.signal,
    openSubscriberList,
  });
  process.exitCode = result.exitCode;
}
