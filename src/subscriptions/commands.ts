// `npm run subscribers -- import | export | count | show | forget`: looking after the list from the command line.
import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from '../shared/paths.ts';
import { isValidEmailAddress } from '../email/header-value.ts';
import { parseRecipients } from '../send/recipients.ts';
import { databaseLocation, DatabaseBusyError } from './storage/database.ts';
import { openSubscriberStore } from './storage/open.ts';
import type { SubscriberStore } from './storage/store.ts';

export const USAGE = `Usage: npm run subscribers -- <command>

  import <file.csv>     add the CSV's readers (header row: email, optional name) as confirmed subscribers;
                        unsubscribed, bounced, complained and forgotten addresses are never re-added
  export                print every subscriber as CSV (email,name,status,created_at,confirmed_at)
  export --suppressed   print the unsubscribed, bounced and complained addresses, one per line (a
                        suppression list for send --recipients <csv>)
  count                 how many subscribers are in each state
  show <email>          one subscriber and every event recorded for the address
  forget <email>        erase the person, keep only a hash of the address so it stays suppressed

The list is the one npm run subscriptions uses: DATABASE_URL (postgres://…), or the embedded database in
SUBSCRIBERS_DIR or data/subscribers/.
`;

export interface CommandIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  now: () => Date;
}

class UsageError extends Error {}

function csvField(value: string): string {
  // Quoted when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function addressArgument(args: readonly string[], command: string): string {
  const [email, ...rest] = args;
  if (email === undefined || rest.length > 0) throw new UsageError(`${command} takes one email address`);
  if (!isValidEmailAddress(email)) throw new UsageError(`${JSON.stringify(email)} is not a valid email address`);
  return email;
}

async function importCsv(store: SubscriberStore, args: readonly string[], io: CommandIO): Promise<number> {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0) throw new UsageError('import takes one CSV file');
  const resolved = path.resolve(io.cwd, file);
  const label = displayPath(resolved, io.cwd);
  let csv: string;
  try {
    csv = fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    io.stderr.write(
      `subscribers: ${label}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}\n`,
    );
    return 2;
  }
  const list = parseRecipients(csv, label);
  if (list.problems.length > 0) {
    io.stderr.write(`subscribers: nothing was imported:\n${list.problems.map((problem) => `  ${problem}`).join('\n')}\n`);
    return 2;
  }
  const result = await store.importConfirmed(list.recipients, 'import', io.now());
  io.stdout.write(
    `Imported ${label}: ${result.added} added, ${result.confirmed} pending now confirmed, ${result.alreadyConfirmed} already confirmed, ` +
      `${result.suppressed} suppressed and left out, ${list.duplicatesMerged} duplicate rows merged\n`,
  );
  return 0;
}

async function exportList(store: SubscriberStore, args: readonly string[], io: CommandIO): Promise<number> {
  if (args.length === 1 && args[0] === '--suppressed') {
    for (const email of await store.suppressedAddresses()) io.stdout.write(`${email}\n`);
    return 0;
  }
  if (args.length > 0) throw new UsageError('export takes no argument but --suppressed');
  io.stdout.write('email,name,status,created_at,confirmed_at\n');
  for (const row of await store.all()) {
    const fields = [row.email, row.name ?? '', row.status, row.createdAt.toISOString(), row.confirmedAt?.toISOString() ?? ''];
    io.stdout.write(`${fields.map(csvField).join(',')}\n`);
  }
  return 0;
}

async function show(store: SubscriberStore, args: readonly string[], io: CommandIO): Promise<number> {
  const email = addressArgument(args, 'show');
  const { subscriber, forgottenAt, events } = await store.show(email);
  if (subscriber === undefined && forgottenAt === undefined && events.length === 0) {
    io.stdout.write(`${email}: not on the list\n`);
    return 1;
  }
  if (subscriber) {
    io.stdout.write(`${subscriber.email}${subscriber.name ? ` (${subscriber.name})` : ''}: ${subscriber.status}\n`);
    io.stdout.write(
      `  since ${subscriber.createdAt.toISOString()}, confirmed ${subscriber.confirmedAt?.toISOString() ?? 'never'}, soft bounces ${subscriber.softBounces}\n`,
    );
  }
  if (forgottenAt) io.stdout.write(`${email}: forgotten on ${forgottenAt.toISOString()} (only a hash of the address is kept)\n`);
  for (const event of events) {
    io.stdout.write(`  ${event.at.toISOString()}  ${event.type.padEnd(12)} ${event.source}${event.detail ? `: ${event.detail}` : ''}\n`);
  }
  return 0;
}

export async function runSubscribersCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    io.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!['import', 'export', 'count', 'show', 'forget'].includes(command)) {
    io.stderr.write(`subscribers: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    return 2;
  }
  let opened;
  try {
    opened = await openSubscriberStore(databaseLocation(io.env, io.cwd), 2);
  } catch (error) {
    io.stderr.write(
      `subscribers: ${error instanceof DatabaseBusyError ? error.message : `could not open the list: ${(error as Error).message}`}\n`,
    );
    return 2;
  }
  const { store } = opened;
  try {
    switch (command) {
      case 'import':
        return await importCsv(store, args, io);
      case 'export':
        return await exportList(store, args, io);
      case 'count': {
        if (args.length > 0) throw new UsageError('count takes no argument');
        const counts = await store.counts();
        for (const [status, count] of Object.entries(counts)) io.stdout.write(`${status.padEnd(13)} ${count}\n`);
        return 0;
      }
      case 'show':
        return await show(store, args, io);
      default: {
        const email = addressArgument(args, 'forget');
        const forgotten = await store.forget(email, 'cli', io.now());
        io.stdout.write(
          forgotten
            ? `${email}: forgotten; only a hash of the address is kept, so it stays suppressed\n`
            : `${email}: was already forgotten\n`,
        );
        return 0;
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`subscribers: ${error.message}\n\n${USAGE}`);
    return 2;
  } finally {
    await opened.close();
  }
}
