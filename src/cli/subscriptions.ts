// `npm run subscriptions`: the subscription service (subscribe, confirm, unsubscribe, bounces); see docs/subscriptions.md.
import { readSubscriptionsConfig, SubscriptionsConfigError, USAGE } from '../subscriptions/config.ts';
import { startSubscriptionService } from '../subscriptions/server.ts';
import { DatabaseBusyError } from '../subscriptions/storage/database.ts';

function fail(problems: string[]): never {
  process.stderr.write(`subscriptions: not started:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
  process.exit(2);
}

let config;
try {
  config = readSubscriptionsConfig(process.argv.slice(2), process.env, process.cwd());
} catch (error) {
  if (error instanceof SubscriptionsConfigError) fail(error.problems);
  throw error;
}
if (config === undefined) {
  process.stdout.write(USAGE);
} else {
  for (const note of config.notes) process.stderr.write(`${note}\n`);
  let service;
  try {
    service = await startSubscriptionService(config);
  } catch (error) {
    if (error instanceof DatabaseBusyError) fail([error.message]);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') fail([`${config.host}:${config.port} is already in use (set PORT)`]);
    throw error;
  }
  if (service.applied.length > 0) process.stderr.write(`applied migrations: ${service.applied.join(', ')}\n`);
  process.stderr.write(
    `subscriptions: listening on ${service.url} (${service.databaseDescription}; confirmation emails → ${service.mailDestination})\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write('subscriptions: stopping\n');
    void service.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
