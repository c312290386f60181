// The subscriber list as `npm run send -- --recipients db` reads it: confirmed subscribers to send to, and hard
// bounces recorded as they happen. The send command passes this in (src/cli/send.ts), so send itself has no
// database code.
import { RECIPIENTS_FROM_DATABASE } from '../send/args.ts';
import { SendRefusedError } from '../send/errors.ts';
import type { SendIO, SubscriberList } from '../send/run.ts';

/** Opens the list `npm run subscriptions` keeps (loaded only when asked for, so CSV sends never load a database). */
export async function openSubscriberList(io: SendIO): Promise<SubscriberList> {
  const { databaseLocation, DatabaseBusyError } = await import('./storage/database.ts');
  const { openSubscriberStore } = await import('./storage/open.ts');
  let opened;
  try {
    opened = await openSubscriberStore(databaseLocation(io.env, io.cwd), 2);
  } catch (error) {
    if (error instanceof DatabaseBusyError) throw new SendRefusedError([error.message]);
    throw new SendRefusedError([
      `--recipients ${RECIPIENTS_FROM_DATABASE}: could not open the subscriber list: ${(error as Error).message}`,
    ]);
  }
  const { store, database } = opened;
  let subscribers;
  try {
    subscribers = await store.sendable();
  } catch (error) {
    await opened.close();
    throw error;
  }
  return {
    label: database.description,
    // A subscriber's id stands where a CSV row's line number would, in any problem reported about them.
    recipients: subscribers.map(({ id, email, name }) => (name === null ? { email, line: id } : { email, name, line: id })),
    recordHardBounce: async (email, response, at) => {
      await store.recordBounce(email, { type: 'hard', source: 'send', detail: response, softLimit: 1 }, at);
    },
    close: () => opened.close(),
  };
}
