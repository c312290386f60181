// The send command: check every input, plan from the journal, then deliver one recipient at a time per connection.
import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '../shared/errors.ts';
import { displayPath, projectRoot, resolvePaths } from '../shared/paths.ts';
import { loadSite, type Site } from '../content/site.ts';
import { HeaderValueError } from '../email/header-value.ts';
import { toMailOptions, type MessageInput } from '../email/mime.ts';
import { RECIPIENTS_FROM_DATABASE, SMTP_FROM_ENV, type SendOptions } from './args.ts';
import type { Delivery } from './delivery.ts';
import { loadDigest, type Digest } from './digest.ts';
import { dkimSetup } from './dkim.ts';
import { sendFolderProblems } from './folders.ts';
import { SendRefusedError } from './errors.ts';
import { Journal, type AddressHistory, type JournalRecord } from './journal.ts';
import { createOutboxDelivery, outboxFilesNotFor } from './outbox-delivery.ts';
import { personalise } from './personalise.ts';
import { publicSecretProblem } from './public-secrets.ts';
import { planDelivery, type QueuedRecipient } from './plan.ts';
import { createProgress, type Progress, type OutputStream } from './progress.ts';
import { createRateLimiter, type Clock } from './rate-limit.ts';
import { parseRecipients, type Recipient } from './recipients.ts';
import { createRedactor, type Redactor } from './redact.ts';
import { backoffDelay, classifySendError, isAddressRefusal } from './retry.ts';
import { createSmtpDelivery } from './smtp-delivery.ts';
import { cleartextPasswordWarning, parseSmtpUrl, type SmtpTarget } from './smtp-url.ts';
import { loadSuppressionList, SuppressionListError } from './suppression.ts';
import { EXIT_CODES, exitCodeFor, formatSummary, type SendSummary } from './summary.ts';

export interface SendIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** receives the summary */
  stdout: OutputStream;
  /** receives progress, notes and errors */
  stderr: OutputStream;
  clock: Clock;
  /** once aborted (Ctrl-C), no further recipient is started; messages already with the server finish */
  signal?: AbortSignal;
  /**
   * Opens the list `npm run subscriptions` keeps, for `--recipients db` (src/subscriptions/send-list.ts). Given by
   * the command, so sending from a CSV never loads a database and this folder does not depend on that one.
   */
  openSubscriberList?: (io: SendIO) => Promise<SubscriberList>;
}

export interface SendResult {
  exitCode: number;
  summary?: SendSummary;
}

/** Used in outbox mode without UNSUBSCRIBE_SECRET, so previews work; its tokens are worthless on purpose. */
export const DEV_UNSUBSCRIBE_SECRET = 'dev-only-unsubscribe-secret-NOT-FOR-PRODUCTION';
export const MIN_UNSUBSCRIBE_SECRET_LENGTH = 16;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Real sending only when --smtp asks for it (a URL, or `env` for $SMTP_URL); undefined means outbox mode.
 * An SMTP_URL left exported in the shell must never turn a preview into a send.
 */
function smtpTarget(options: SendOptions, io: SendIO, notes: string[]): SmtpTarget | undefined {
  const fromEnv = nonEmpty(io.env.SMTP_URL);
  if (options.smtp === undefined) {
    if (fromEnv !== undefined) {
      notes.push(
        `note: SMTP_URL is set but ignored without --smtp, so this run writes to the outbox and sends nothing (to send with it: --smtp ${SMTP_FROM_ENV})`,
      );
    }
    return undefined;
  }
  if (options.outbox !== undefined)
    throw new SendRefusedError(['--smtp and --outbox both given: choose SMTP delivery or an outbox folder']);
  if (options.smtp !== SMTP_FROM_ENV) return parseSmtpUrl(options.smtp);
  if (fromEnv === undefined) throw new SendRefusedError([`--smtp ${SMTP_FROM_ENV} given, but SMTP_URL is not set`]);
  return parseSmtpUrl(fromEnv);
}

function unsubscribeSecret(io: SendIO, overSmtp: boolean, notes: string[]): string {
  const secret = nonEmpty(io.env.UNSUBSCRIBE_SECRET);
  if (secret === undefined) {
    if (overSmtp)
      throw new SendRefusedError([
        'UNSUBSCRIBE_SECRET is not set: it signs every unsubscribe link, so real mail can not go out without it',
      ]);
    notes.push(
      `warning: UNSUBSCRIBE_SECRET is not set; outbox messages use the development secret "${DEV_UNSUBSCRIBE_SECRET}" and their unsubscribe links will not verify`,
    );
    return DEV_UNSUBSCRIBE_SECRET;
  }
  if (secret.length < MIN_UNSUBSCRIBE_SECRET_LENGTH)
    throw new SendRefusedError([`UNSUBSCRIBE_SECRET is too short: use at least ${MIN_UNSUBSCRIBE_SECRET_LENGTH} random characters`]);
  const published = overSmtp && publicSecretProblem(secret, DEV_UNSUBSCRIBE_SECRET, projectRoot, resolvePaths(io.env, io.cwd).contentDir);
  if (published) throw new SendRefusedError([published]);
  return secret;
}

function readSuppressionList(file: string, io: SendIO) {
  try {
    return loadSuppressionList(file, displayPath(file, io.cwd));
  } catch (error) {
    if (error instanceof SuppressionListError) throw new SendRefusedError(error.problems);
    throw error;
  }
}

function suppressionFile(options: SendOptions, site: Site, io: SendIO, notes: string[]): Set<string> {
  if (options.suppress !== undefined) {
    const file = path.resolve(io.cwd, options.suppress);
    const list = readSuppressionList(file, io);
    if (!list.found) throw new SendRefusedError([`--suppress ${options.suppress}: file not found`]);
    return list.addresses;
  }
  const configured = site.email.suppressionFile;
  if (configured === undefined) {
    notes.push('note: site.json sets no email.suppressionFile, so no address is suppressed');
    return new Set();
  }
  const list = readSuppressionList(path.resolve(io.cwd, configured), io);
  if (!list.found) notes.push(`note: suppression list ${configured} does not exist yet; treating it as empty`);
  return list.addresses;
}

function readRecipients(options: SendOptions, io: SendIO) {
  const file = path.resolve(io.cwd, options.recipients);
  const label = displayPath(file, io.cwd);
  let csv: string;
  try {
    csv = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new SendRefusedError([
      `${label}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`,
    ]);
  }
  const list = parseRecipients(csv, label);
  if (list.problems.length > 0) throw new SendRefusedError(list.problems);
  return { ...list, label };
}

/** What send needs of the subscriber list: its confirmed subscribers, and a place to record hard bounces. */
export interface SubscriberList {
  label: string;
  recipients: Recipient[];
  recordHardBounce(email: string, response: string, at: Date): Promise<void>;
  close(): Promise<void>;
}

function messageFor(digest: Digest, item: QueuedRecipient, secret: string, sentAt: Date): MessageInput {
  const message = personalise(digest, item.recipient, secret, sentAt);
  return item.previousMessageId === undefined ? message : { ...message, messageId: item.previousMessageId };
}

/** Builds every message once without sending, so a value that would break a header stops the run up front. */
function checkMessages(
  digest: Digest,
  queue: readonly QueuedRecipient[],
  secret: string,
  now: Date,
  labels: { digest: string; recipients: string },
): void {
  try {
    toMailOptions(personalise(digest, { email: 'check@example.org', line: 0 }, secret, now));
  } catch (error) {
    if (error instanceof HeaderValueError) throw new SendRefusedError([`${labels.digest}: ${error.message}`]);
    throw error;
  }
  const problems: string[] = [];
  for (const item of queue) {
    try {
      toMailOptions(messageFor(digest, item, secret, now));
    } catch (error) {
      if (!(error instanceof HeaderValueError)) throw error;
      problems.push(`${labels.recipients}: line ${item.recipient.line}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw new SendRefusedError(problems);
}

interface DeliveryRun {
  digest: Digest;
  secret: string;
  delivery: Delivery;
  journal: Journal;
  progress: Progress;
  redact: Redactor;
  options: SendOptions;
  io: SendIO;
  summary: SendSummary;
  /** resolves when the rate limit lets the next message start */
  takeSlot: () => Promise<void>;
  /** with --recipients db: where a refused address is recorded as a hard bounce */
  subscriberList?: SubscriberList;
  hardBouncesRecorded: number;
}

/** Once a reason is set (or Ctrl-C was pressed), no further recipient or retry is started. */
function stop(run: DeliveryRun, reason: string): void {
  run.summary.stoppedBecause ??= reason;
}

function stopped(run: DeliveryRun): boolean {
  return run.summary.stoppedBecause !== undefined || run.io.signal?.aborted === true;
}

async function deliverOne(run: DeliveryRun, item: QueuedRecipient): Promise<void> {
  const { journal, delivery, progress, redact, options, io, summary } = run;
  const email = item.recipient.email;

  for (let attempt = 1; ; attempt += 1) {
    await run.takeSlot();
    // Dated when handed over, so a retry an hour later is not dated an hour back; the Message-ID stays the same.
    const message = messageFor(run.digest, item, run.secret, new Date(io.clock.now()));
    const record = (status: JournalRecord['status'], extra: Partial<JournalRecord> = {}) =>
      journal.append({ email, status, ...extra, messageId: message.messageId, at: new Date(io.clock.now()).toISOString() });
    // Written and synced before the hand-off: if the process dies from here on, the rerun knows it was in flight.
    record('attempt');
    try {
      const response = redact(await delivery.deliver(message));
      record('sent', { response });
      summary.sent += 1;
      progress.record('sent', email);
      return;
    } catch (error) {
      const failure = classifySendError(error);
      const response = redact(failure.response);
      const code = failure.code === undefined ? {} : { code: failure.code };
      if (failure.kind === 'temporary' && attempt < options.maxAttempts) {
        const delay = backoffDelay(attempt, options.retryBaseMs);
        record('retry', { ...code, response });
        progress.record('retry', email, `${response} (try ${attempt} of ${options.maxAttempts}, next in ${delay} ms)`);
        await io.clock.sleep(delay);
        // Stopped while waiting: the journal ends in 'retry', so the next run simply tries again.
        if (stopped(run)) return;
        continue;
      }
      record('failed', { ...code, response });
      summary.failed.push({ email, response });
      progress.record('failed', email, response);
      if (run.subscriberList && isAddressRefusal(failure)) {
        await run.subscriberList.recordHardBounce(email, response, new Date(io.clock.now()));
        run.hardBouncesRecorded += 1;
      }
      if (failure.kind === 'fatal') stop(run, `the SMTP connection could not be set up (${response})`);
      else if (failure.kind === 'temporary' && failure.connectionLevel)
        stop(run, `the SMTP server could not be reached (${failure.code}: ${response})`);
      return;
    }
  }
}

async function deliverQueue(run: DeliveryRun, queue: readonly QueuedRecipient[], workers: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!stopped(run)) {
      const item = queue[next];
      if (item === undefined) return;
      next += 1;
      try {
        await deliverOne(run, item);
      } catch (error) {
        // e.g. the journal can not be written: stop everyone, but let messages already handed over finish.
        stop(run, `unexpected error: ${(error as Error).message}`);
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(workers, queue.length) }, worker));
  const fault = results.find((result) => result.status === 'rejected');
  if (fault) throw fault.reason;
  if (run.io.signal?.aborted) stop(run, 'interrupted');
  run.summary.notAttempted = queue.length - run.summary.sent - run.summary.failed.length;
}

/** Runs the whole command and returns its exit code; every line it prints has the secrets masked. */
export async function runSend(options: SendOptions, io: SendIO): Promise<SendResult> {
  // A secret too short to be accepted is refused before it signs anything, and masking it would garble the refusal.
  const unsubscribe = nonEmpty(io.env.UNSUBSCRIBE_SECRET);
  const unsubscribeSecrets = unsubscribe !== undefined && unsubscribe.length >= MIN_UNSUBSCRIBE_SECRET_LENGTH ? [unsubscribe] : [];
  let redact = createRedactor({ secrets: unsubscribeSecrets });
  const say = (text: string) => io.stderr.write(`${redact(text)}\n`);
  let journal: Journal | undefined;
  let delivery: Delivery | undefined;
  let subscriberList: SubscriberList | undefined;
  try {
    const notes: string[] = [];
    const target = smtpTarget(options, io, notes);
    redact = createRedactor({ secrets: [...unsubscribeSecrets, ...(target?.secrets ?? [])], usernames: target?.usernames });
    const cleartext = target && cleartextPasswordWarning(target);
    if (cleartext) notes.push(cleartext);
    const secret = unsubscribeSecret(io, target !== undefined, notes);

    const paths = resolvePaths(io.env, io.cwd);
    const siteDir = options.site === undefined ? paths.outputDir : path.resolve(io.cwd, options.site);
    const digest = loadDigest(siteDir, options.digest, io.cwd);
    const site = loadSite(paths.contentDir);
    const dkim = dkimSetup(site.email.dkim, io.env, io.cwd, {
      overSmtp: target !== undefined,
      fromAddress: digest.from.address,
      siteFile: displayPath(path.join(paths.contentDir, '_data', 'site.json'), io.cwd),
    });
    notes.push(...dkim.notes);
    if (dkim.signing) {
      redact = createRedactor({
        secrets: [...unsubscribeSecrets, ...(target?.secrets ?? []), dkim.signing.privateKey],
        usernames: target?.usernames,
      });
    }
    const suppressed = suppressionFile(options, site, io, notes);
    if (options.recipients === RECIPIENTS_FROM_DATABASE) {
      if (!io.openSubscriberList)
        throw new SendRefusedError([`--recipients ${RECIPIENTS_FROM_DATABASE}: this send was started without the subscriber list`]);
      subscriberList = await io.openSubscriberList(io);
    }
    const recipients = subscriberList
      ? { recipients: subscriberList.recipients, problems: [], duplicatesMerged: 0, label: subscriberList.label }
      : readRecipients(options, io);

    const outboxDir = path.resolve(io.cwd, options.outbox ?? path.join('outbox', digest.slug));
    // Outbox runs keep their journal inside the outbox, so a preview can never mark real recipients as sent.
    const defaultJournal = target ? path.join('outbox', `${digest.slug}.journal`) : path.join(outboxDir, 'journal.jsonl');
    const journalFile = path.resolve(io.cwd, options.journal ?? defaultJournal);
    const misplaced = sendFolderProblems({
      outboxDir: target ? undefined : outboxDir,
      journalFile,
      contentDir: paths.contentDir,
      siteDirs: [siteDir, paths.outputDir],
      cwd: io.cwd,
    });
    if (misplaced.length > 0) throw new SendRefusedError(misplaced);
    const journalLabel = displayPath(journalFile, io.cwd);
    journal = Journal.open(
      journalFile,
      { slug: digest.slug, delivery: target ? 'smtp' : 'outbox', now: new Date(io.clock.now()) },
      journalLabel,
    );
    if (journal.staleLockRemoved) notes.push(`note: removed the lock of a send that no longer runs (${journalLabel}.lock)`);
    if (journal.truncatedTail) notes.push(`note: the last line of ${journalLabel} was cut off by a crash and is ignored`);

    // A preview is rewritten in full on every run, so fixing the content and rebuilding shows up at once; only
    // SMTP sends use the journal's history to skip, resume and hold back.
    const history = target ? journal.history : new Map<string, AddressHistory>();
    const plan = planDelivery(recipients.recipients, suppressed, history, options.resendInDoubt);
    const digestLabel = displayPath(path.join(siteDir, 'digests', digest.slug, 'digest.json'), io.cwd);
    checkMessages(digest, plan.queue, secret, new Date(io.clock.now()), { digest: digestLabel, recipients: recipients.label });

    delivery = target
      ? createSmtpDelivery(target, options.connections, dkim.signing)
      : createOutboxDelivery(outboxDir, displayPath(outboxDir, io.cwd), dkim.signing);
    if (!target) {
      const leftOver = outboxFilesNotFor(
        outboxDir,
        plan.queue.map((item) => item.recipient.email),
      );
      if (leftOver.length > 0) {
        notes.push(
          `note: ${delivery.destination} holds ${leftOver.length} .eml file(s) from an earlier run for addresses not written this time (removed from the list or suppressed); delete them, or the folder, before handing the outbox on`,
        );
      }
    }
    const summary: SendSummary = {
      slug: digest.slug,
      delivery: delivery.kind,
      destination: delivery.destination,
      recipients: recipients.recipients.length,
      duplicatesMerged: recipients.duplicatesMerged,
      suppressed: plan.suppressed.length,
      alreadySent: plan.alreadySent.length,
      sent: 0,
      failed: [],
      inDoubtResent: plan.inDoubtResent,
      inDoubtHeld: plan.inDoubtHeld,
      notAttempted: 0,
    };
    for (const note of notes) say(note);
    const pace = target && options.rate !== undefined ? `, at most ${options.rate}/s` : '';
    const action = target ? 'Sending' : 'Writing (not sending)';
    say(
      `${action} ${digest.slug} to ${plan.queue.length} of ${summary.recipients} recipients via ${delivery.destination}${pace}; journal ${journalLabel}`,
    );

    const progress = createProgress(io.stderr, plan.queue.length, target ? 'sent' : 'written');
    const takeSlot = createRateLimiter(target ? options.rate : undefined, io.clock);
    const run: DeliveryRun = {
      digest,
      secret,
      delivery,
      journal,
      progress,
      redact,
      options,
      io,
      summary,
      takeSlot,
      subscriberList,
      hardBouncesRecorded: 0,
    };
    await deliverQueue(run, plan.queue, target ? options.connections : 1);
    progress.finish();
    if (run.hardBouncesRecorded > 0)
      say(
        `note: recorded ${run.hardBouncesRecorded} refused address(es) as hard bounces in ${subscriberList?.label ?? 'the subscriber list'}`,
      );
    io.stdout.write(redact(formatSummary(summary)));
    return { exitCode: exitCodeFor(summary), summary };
  } catch (error) {
    if (error instanceof SendRefusedError || error instanceof ContentError) {
      say(`send: refused, nothing was sent:\n${error.problems.map((problem) => `  ${problem}`).join('\n')}`);
      return { exitCode: EXIT_CODES.refused };
    }
    say(`send: stopped by an unexpected error; rerun with the same journal once it is fixed:\n${(error as Error).stack ?? String(error)}`);
    return { exitCode: EXIT_CODES.incomplete };
  } finally {
    delivery?.close();
    journal?.close();
    await subscriberList?.close();
  }
}
