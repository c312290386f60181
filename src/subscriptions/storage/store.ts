// The subscriber list: every SQL statement the service, `npm run subscribers` and `send --recipients db` run.
import { createHash } from 'node:crypto';
import { addressKey } from '../../send/recipients.ts';
import type { Database, Queryable } from './database.ts';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced' | 'complained';
export type EventType = 'subscribed' | 'confirmed' | 'unsubscribed' | 'soft_bounce' | 'bounced' | 'complained' | 'forgotten';
export type BounceType = 'hard' | 'soft' | 'complaint';

/** Statuses that mean "never send": the address asked to leave, does not exist, or complained. */
export const SUPPRESSED_STATUSES: readonly SubscriberStatus[] = ['unsubscribed', 'bounced', 'complained'];

export interface Subscriber {
  id: number;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  softBounces: number;
  createdAt: Date;
  updatedAt: Date;
  confirmationSentAt: Date | null;
  confirmedAt: Date | null;
}

export interface SubscriberEvent {
  type: EventType;
  source: string;
  detail: string | null;
  at: Date;
}

/** The SHA-256 of the lowercased address: all that is kept of a forgotten person, and what events are filed by. */
export function emailHash(email: string): string {
  return createHash('sha256').update(addressKey(email)).digest('hex');
}

const SUBSCRIBER_COLUMNS = `id::integer AS id, email, name, status, soft_bounces AS "softBounces", created_at AS "createdAt",
  updated_at AS "updatedAt", confirmation_sent_at AS "confirmationSentAt", confirmed_at AS "confirmedAt"`;

async function addEvent(
  tx: Queryable,
  subscriberId: number | null,
  email: string,
  event: { type: EventType; source: string; detail?: string; at: Date },
): Promise<void> {
  await tx.query('INSERT INTO events (subscriber_id, email_hash, type, source, detail, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    subscriberId,
    emailHash(email),
    event.type,
    event.source,
    event.detail ?? null,
    event.at,
  ]);
}

async function lockSubscriber(tx: Queryable, email: string): Promise<Subscriber | undefined> {
  const [row] = await tx.query<Subscriber>(`SELECT ${SUBSCRIBER_COLUMNS} FROM subscribers WHERE email_key = $1 FOR UPDATE`, [
    addressKey(email),
  ]);
  return row;
}

/** True once the address was forgotten: nothing more may be stored about it but its own new confirmation. */
async function isForgotten(tx: Queryable, email: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM forgotten WHERE email_hash = $1', [emailHash(email)]);
  return rows.length > 0;
}

async function setStatus(tx: Queryable, id: number, status: SubscriberStatus, now: Date): Promise<void> {
  await tx.query('UPDATE subscribers SET status = $2, updated_at = $3 WHERE id = $1', [id, status, now]);
}

/** Inserts a row unless the address has one; returns the new id, or undefined when it existed. */
async function insertSubscriber(
  tx: Queryable,
  fields: { email: string; name?: string; status: SubscriberStatus; now: Date; confirmationSent?: boolean },
): Promise<number | undefined> {
  const confirmed = fields.status === 'confirmed' ? fields.now : null;
  const sent = fields.confirmationSent ? fields.now : null;
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO subscribers (email, email_key, name, status, created_at, updated_at, confirmation_sent_at, confirmed_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7) ON CONFLICT (email_key) DO NOTHING RETURNING id::integer AS id`,
    [fields.email, addressKey(fields.email), fields.name ?? null, fields.status, fields.now, sent, confirmed],
  );
  return row?.id;
}

export interface SubscriptionRequest {
  email: string;
  name?: string;
  source: string;
  now: Date;
  /** a pending address gets another confirmation email only once this long has passed since the last one */
  resendAfterMs: number;
}

export type ConfirmResult = 'confirmed' | 'already-confirmed' | 'not-pending';
export type BounceResult = 'suppressed' | 'counted' | 'unknown';

export interface ImportResult {
  added: number;
  /** pending subscribers the import confirmed */
  confirmed: number;
  alreadyConfirmed: number;
  /** unsubscribed, bounced, complained or forgotten: never re-added by an import */
  suppressed: number;
}

export class SubscriberStore {
  constructor(private readonly db: Database) {}

  /**
   * Records a wish to subscribe and says whether to send a confirmation email. New and unsubscribed addresses
   * become pending (a forgotten one too: its owner is asking again, and only their confirmation makes it count);
   * confirmed, bounced and complained addresses are left as they are and get no mail.
   */
  async requestSubscription(request: SubscriptionRequest): Promise<{ sendConfirmation: boolean }> {
    const { email, name, source, now } = request;
    return this.db.transaction(async (tx) => {
      const id = await insertSubscriber(tx, { email, name, status: 'pending', now, confirmationSent: true });
      if (id !== undefined) {
        await addEvent(tx, id, email, { type: 'subscribed', source, at: now });
        return { sendConfirmation: true };
      }
      const subscriber = await lockSubscriber(tx, email);
      if (subscriber === undefined) throw new Error('subscriber vanished during its own transaction');
      const reconfirm = subscriber.status === 'unsubscribed';
      const resend =
        subscriber.status === 'pending' &&
        (subscriber.confirmationSentAt === null || now.getTime() - subscriber.confirmationSentAt.getTime() >= request.resendAfterMs);
      if (!reconfirm && !resend) return { sendConfirmation: false };
      await tx.query(
        `UPDATE subscribers SET status = 'pending', name = COALESCE($2, name), confirmation_sent_at = $3, updated_at = $3 WHERE id = $1`,
        [subscriber.id, name ?? null, now],
      );
      if (reconfirm) await addEvent(tx, subscriber.id, email, { type: 'subscribed', source, at: now });
      return { sendConfirmation: true };
    });
  }

  /** Confirms a pending address; confirming twice is harmless. */
  async confirm(email: string, source: string, now: Date): Promise<ConfirmResult> {
    return this.db.transaction(async (tx) => {
      const subscriber = await lockSubscriber(tx, email);
      if (subscriber?.status === 'confirmed') return 'already-confirmed';
      if (subscriber?.status !== 'pending') return 'not-pending';
      await tx.query(`UPDATE subscribers SET status = 'confirmed', confirmed_at = $2, soft_bounces = 0, updated_at = $2 WHERE id = $1`, [
        subscriber.id,
        now,
      ]);
      // Their own confirmation outweighs an earlier request to be forgotten.
      await tx.query('DELETE FROM forgotten WHERE email_hash = $1', [emailHash(email)]);
      await addEvent(tx, subscriber.id, email, { type: 'confirmed', source, at: now });
      return 'confirmed';
    });
  }

  /**
   * Unsubscribes the address; one that was never subscribed (a recipient of a CSV send) is recorded as
   * unsubscribed too, so it stays suppressed. Returns false when it already was.
   */
  async unsubscribe(email: string, source: string, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // A forgotten address is suppressed already; recording it again would bring its owner's data back.
      if (await isForgotten(tx, email)) return false;
      const id = await insertSubscriber(tx, { email, status: 'unsubscribed', now });
      if (id !== undefined) {
        await addEvent(tx, id, email, { type: 'unsubscribed', source, at: now });
        return true;
      }
      const subscriber = await lockSubscriber(tx, email);
      if (subscriber === undefined || SUPPRESSED_STATUSES.includes(subscriber.status)) return false;
      await setStatus(tx, subscriber.id, 'unsubscribed', now);
      await addEvent(tx, subscriber.id, email, { type: 'unsubscribed', source, at: now });
      return true;
    });
  }

  /**
   * A hard bounce or a complaint suppresses at once; soft bounces are counted, and suppress once there are
   * `softLimit` of them. Every bounce is kept as an event. A soft bounce of an unknown address is ignored.
   */
  async recordBounce(
    email: string,
    bounce: { type: BounceType; source: string; detail?: string; softLimit: number },
    now: Date,
  ): Promise<BounceResult> {
    const { type, source, detail } = bounce;
    const suppressAs = type === 'complaint' ? 'complained' : 'bounced';
    const eventType = type === 'complaint' ? 'complained' : 'bounced';
    return this.db.transaction(async (tx) => {
      if (await isForgotten(tx, email)) return 'unknown';
      if (type !== 'soft') {
        const id = await insertSubscriber(tx, { email, status: suppressAs, now });
        if (id !== undefined) {
          await addEvent(tx, id, email, { type: eventType, source, detail, at: now });
          return 'suppressed';
        }
      }
      const subscriber = await lockSubscriber(tx, email);
      if (subscriber === undefined) return 'unknown';
      const active = subscriber.status === 'pending' || subscriber.status === 'confirmed';
      if (type === 'soft') {
        if (!active) return 'counted';
        const count = subscriber.softBounces + 1;
        await tx.query('UPDATE subscribers SET soft_bounces = $2, updated_at = $3 WHERE id = $1', [subscriber.id, count, now]);
        await addEvent(tx, subscriber.id, email, { type: 'soft_bounce', source, detail, at: now });
        if (count < bounce.softLimit) return 'counted';
        await setStatus(tx, subscriber.id, 'bounced', now);
        await addEvent(tx, subscriber.id, email, { type: 'bounced', source, detail: `${count} soft bounces`, at: now });
        return 'suppressed';
      }
      // A complaint outranks an unsubscribe; a hard bounce changes only an address that was still being sent to.
      if (active || (type === 'complaint' && subscriber.status !== 'complained')) await setStatus(tx, subscriber.id, suppressAs, now);
      await addEvent(tx, subscriber.id, email, { type: eventType, source, detail, at: now });
      return 'suppressed';
    });
  }

  /** Confirmed subscribers, oldest first: whom `send --recipients db` sends to. */
  async sendable(): Promise<Array<{ id: number; email: string; name: string | null }>> {
    return this.db.query(`SELECT id::integer AS id, email, name FROM subscribers WHERE status = 'confirmed' ORDER BY id`);
  }

  /** Unsubscribed, bounced and complained addresses: a suppression list for sends from a CSV. */
  async suppressedAddresses(): Promise<string[]> {
    const rows = await this.db.query<{ email: string }>(`SELECT email FROM subscribers WHERE status = ANY($1) ORDER BY id`, [
      SUPPRESSED_STATUSES,
    ]);
    return rows.map((row) => row.email);
  }

  /**
   * Adds readers who agreed elsewhere as confirmed subscribers, in one transaction. Suppressed and forgotten
   * addresses are never re-added.
   */
  async importConfirmed(recipients: ReadonlyArray<{ email: string; name?: string }>, source: string, now: Date): Promise<ImportResult> {
    const result: ImportResult = { added: 0, confirmed: 0, alreadyConfirmed: 0, suppressed: 0 };
    await this.db.transaction(async (tx) => {
      for (const { email, name } of recipients) {
        if (await isForgotten(tx, email)) {
          result.suppressed += 1;
          continue;
        }
        const id = await insertSubscriber(tx, { email, name, status: 'confirmed', now });
        if (id !== undefined) {
          await addEvent(tx, id, email, { type: 'confirmed', source, at: now });
          result.added += 1;
          continue;
        }
        const subscriber = await lockSubscriber(tx, email);
        if (subscriber?.status === 'confirmed') result.alreadyConfirmed += 1;
        else if (subscriber?.status === 'pending') {
          await tx.query(`UPDATE subscribers SET status = 'confirmed', confirmed_at = $2, updated_at = $2 WHERE id = $1`, [
            subscriber.id,
            now,
          ]);
          await addEvent(tx, subscriber.id, email, { type: 'confirmed', source, at: now });
          result.confirmed += 1;
        } else result.suppressed += 1;
      }
    });
    return result;
  }

  /** How many subscribers are in each status, and how many addresses were forgotten. */
  async counts(): Promise<Record<SubscriberStatus | 'forgotten', number>> {
    const rows = await this.db.query<{ status: SubscriberStatus; count: number }>(
      'SELECT status, count(*)::integer AS count FROM subscribers GROUP BY status',
    );
    const [forgotten] = await this.db.query<{ count: number }>('SELECT count(*)::integer AS count FROM forgotten');
    const counts = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0, complained: 0, forgotten: forgotten?.count ?? 0 };
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  /** Every subscriber, oldest first. */
  async all(): Promise<Subscriber[]> {
    return this.db.query<Subscriber>(`SELECT ${SUBSCRIBER_COLUMNS} FROM subscribers ORDER BY id`);
  }

  /** One address: its row (if any), whether it was forgotten, and its events oldest first. */
  async show(email: string): Promise<{ subscriber?: Subscriber; forgottenAt?: Date; events: SubscriberEvent[] }> {
    const [subscriber] = await this.db.query<Subscriber>(`SELECT ${SUBSCRIBER_COLUMNS} FROM subscribers WHERE email_key = $1`, [
      addressKey(email),
    ]);
    const [forgotten] = await this.db.query<{ at: Date }>('SELECT forgotten_at AS at FROM forgotten WHERE email_hash = $1', [
      emailHash(email),
    ]);
    const events = await this.db.query<SubscriberEvent>('SELECT type, source, detail, at FROM events WHERE email_hash = $1 ORDER BY id', [
      emailHash(email),
    ]);
    return { ...(subscriber ? { subscriber } : {}), ...(forgotten ? { forgottenAt: forgotten.at } : {}), events };
  }

  /**
   * Erases the person: their row goes, their events lose the link to it and any detail (a bounce message may
   * quote the address), and the address's hash is kept so it stays suppressed. Returns false if it already was.
   */
  async forget(email: string, source: string, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const subscriber = await lockSubscriber(tx, email);
      const [inserted] = await tx.query(
        'INSERT INTO forgotten (email_hash, forgotten_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
        [emailHash(email), now],
      );
      if (subscriber) {
        await tx.query('UPDATE events SET subscriber_id = NULL, detail = NULL WHERE subscriber_id = $1', [subscriber.id]);
        await tx.query('DELETE FROM subscribers WHERE id = $1', [subscriber.id]);
      }
      if (!subscriber && !inserted) return false;
      await addEvent(tx, null, email, { type: 'forgotten', source, at: now });
      return true;
    });
  }
}
