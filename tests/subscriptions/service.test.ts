// The subscription service over real HTTP on 127.0.0.1, against the embedded database and a real Postgres server.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalUnsubscribeUrl } from '../../src/send/unsubscribe.ts';
import { snsStringToSign, type SnsMessage } from '../../src/subscriptions/bounces/ses.ts';
import type { DatabaseLocation } from '../../src/subscriptions/storage/database.ts';
import { confirmationToken } from '../../src/subscriptions/tokens.ts';
import { DATABASE_KINDS, freshDatabase, releaseDatabases, removeDatabase } from './databases.ts';
import {
  BOUNCES_SECRET,
  confirmationLink,
  LIST_ID,
  listUnsubscribeUrl,
  makeServiceProject,
  outboxMessageFor,
  PUBLIC_ORIGIN,
  readOutbox,
  removeProject,
  SECRET,
  startService,
  TOPIC_ARN,
  type TestService,
} from './helpers.ts';

const CHECK_INBOX = `${PUBLIC_ORIGIN}/newsletter/check-your-inbox/`;
const SUBSCRIBED = `${PUBLIC_ORIGIN}/newsletter/subscribed/`;
const UNSUBSCRIBED = `${PUBLIC_ORIGIN}/newsletter/unsubscribed/`;
const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem';

const snsKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const snsPublicKey = snsKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

afterAll(releaseDatabases);

describe.each(DATABASE_KINDS)('the subscription service on the %s database', (kind) => {
  let dir: string;
  let location: DatabaseLocation;
  let service: TestService;
  const visited: string[] = [];
  let nextClient = 0;
  /** each test subscribes from its own client address (X-Forwarded-For, trusted), so the rate limit is per test */
  const client = () => ({ 'x-forwarded-for': `203.0.113.${(nextClient += 1)}` });

  beforeAll(async () => {
    dir = makeServiceProject();
    location = await freshDatabase(kind);
    service = await startService(dir, location, {
      flags: ['--trust-proxy', '--subscribe-rate', '3'],
      options: {
        certificates: (url) => (url === CERT_URL ? Promise.resolve(snsPublicKey) : Promise.reject(new Error(`unexpected ${url}`))),
        visit: (url) => {
          visited.push(url);
          return Promise.resolve();
        },
      },
    });
  });

  afterAll(async () => {
    await service?.close();
    removeDatabase(location);
    removeProject(dir);
  });

  async function confirmationFor(email: string) {
    await service.mailerIdle();
    return outboxMessageFor(await readOutbox(dir), email);
  }

  async function statusOf(email: string) {
    return (await service.store.show(email)).subscriber?.status;
  }

  it('answers /healthz once the database answers', async () => {
    const response = await service.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('subscribes, mails a confirmation link to the public address, and confirms however often the link is followed', async () => {
    const response = await service.subscribe({ email: 'kim@example.org', name: 'Kim Min-ji', website: '' }, client());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(CHECK_INBOX);
    expect(await statusOf('kim@example.org')).toBe('pending');

    const message = await confirmationFor('kim@example.org');
    expect(message.parsed.subject).toBe('Confirm your subscription to The Korea Dispatch');
    expect(message.parsed.to && !Array.isArray(message.parsed.to) ? message.parsed.to.value : []).toEqual([
      { address: 'kim@example.org', name: 'Kim Min-ji' },
    ]);
    const link = confirmationLink(message);
    expect(link.startsWith(`${PUBLIC_ORIGIN}/confirm?token=`)).toBe(true);
    // The confirmation email carries the same personal unsubscribe link send writes.
    expect(listUnsubscribeUrl(message.parsed)).toBe(
      personalUnsubscribeUrl(`${PUBLIC_ORIGIN}/unsubscribe`, SECRET, 'kim@example.org', LIST_ID),
    );

    for (let i = 0; i < 2; i += 1) {
      const confirmed = await service.request(link);
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toBe(SUBSCRIBED);
    }
    expect(await statusOf('kim@example.org')).toBe('confirmed');
    const events = (await service.store.show('kim@example.org')).events.map(({ type, source }) => `${type}/${source}`);
    expect(events).toEqual(['subscribed/web', 'confirmed/web']);
  });

  it('answers a known address exactly as a new one, and mails a confirmed subscriber nothing more', async () => {
    const first = await service.subscribe({ email: 'lee@example.org' }, client());
    const link = confirmationLink(await confirmationFor('lee@example.org'));
    await service.request(link);
    const mailed = (await readOutbox(dir)).find((message) => message.file.startsWith('lee@'))?.parsed.messageId;

    const again = await service.subscribe({ email: 'LEE@example.org' }, client());
    const stranger = await service.subscribe({ email: 'stranger@example.org' }, client());
    for (const response of [first, again, stranger]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(CHECK_INBOX);
      expect(await response.text()).toBe('');
    }
    await service.mailerIdle();
    expect((await readOutbox(dir)).find((message) => message.file.startsWith('lee@'))?.parsed.messageId).toBe(mailed);
    expect(await statusOf('lee@example.org')).toBe('confirmed');

    const json = await service.subscribe({ email: 'lee@example.org' }, { ...client(), accept: 'application/json' });
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ status: 'check-your-inbox', next: CHECK_INBOX });
  });

  it('answers a filled-in honeypot as if it had subscribed, and records and mails nothing', async () => {
    const response = await service.subscribe({ email: 'bot@example.org', website: 'http://spam.example' }, client());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(CHECK_INBOX);
    await service.mailerIdle();
    expect(await statusOf('bot@example.org')).toBeUndefined();
    expect((await readOutbox(dir)).some((message) => message.file.startsWith('bot@'))).toBe(false);
  });

  it('refuses a bad address or a name with a line break, and echoes nothing of what was sent', async () => {
    const badAddress = await service.subscribe({ email: '<script>alert(1)</script>@x' }, client());
    expect(badAddress.status).toBe(400);
    const page = await badAddress.text();
    expect(page).toContain('That address does not look right');
    expect(page).not.toContain('<script>alert');

    const badName = await service.subscribe({ email: 'eve@example.org', name: 'Eve\r\nBcc: all@example.org' }, client());
    expect(badName.status).toBe(400);
    expect(await badName.text()).not.toContain('Bcc');
    expect(await statusOf('eve@example.org')).toBeUndefined();

    const json = await service.subscribe({ email: 'nope' }, { ...client(), accept: 'application/json' });
    expect(json.status).toBe(400);
    expect((await json.json()) as unknown).toMatchObject({ error: 'invalid-email' });

    const notAForm = await service.request('/subscribe', {
      method: 'POST',
      body: '{"email":"kim@example.org"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(notAForm.status).toBe(415);
  });

  it('limits subscribes from one client address, and says when to try again', async () => {
    const from = client();
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await service.subscribe({ email: `burst${i}@example.org` }, from)).status);
    expect(statuses).toEqual([303, 303, 303, 429]);
    const limited = await service.subscribe({ email: 'burst9@example.org' }, from);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await service.subscribe({ email: 'burst9@example.org' }, client())).status).toBe(303);
  });

  it('refuses a request body over the limit', async () => {
    const response = await service.subscribe({ email: 'big@example.org', name: 'x'.repeat(20_000) }, client());
    expect(response.status).toBe(413);
    expect(await statusOf('big@example.org')).toBeUndefined();
  });

  it('refuses a confirmation link that is altered, expired or no longer pending', async () => {
    await service.subscribe({ email: 'park@example.org' }, client());
    const link = confirmationLink(await confirmationFor('park@example.org'));
    const token = new URL(link).searchParams.get('token') ?? '';
    const altered = await service.request(`/confirm?token=${token.slice(0, -2)}AA`);
    expect(altered.status).toBe(400);
    const forged = await service.request(
      `/confirm?token=${confirmationToken('another-secret-0123456789', 'park@example.org', new Date(Date.now() + 3_600_000))}`,
    );
    expect(forged.status).toBe(400);
    const expired = await service.request(`/confirm?token=${confirmationToken(SECRET, 'park@example.org', new Date(Date.now() - 1000))}`);
    expect(expired.status).toBe(410);
    expect(await statusOf('park@example.org')).toBe('pending');

    const unknown = await service.request(
      `/confirm?token=${confirmationToken(SECRET, 'nobody@example.org', new Date(Date.now() + 3_600_000))}`,
    );
    expect(unknown.status).toBe(410);
    expect(await statusOf('nobody@example.org')).toBeUndefined();
  });

  it("unsubscribes with exactly the links send writes: a one-button page, and RFC 8058's one-click POST", async () => {
    await service.subscribe({ email: 'choi@example.org' }, client());
    await service.request(confirmationLink(await confirmationFor('choi@example.org')));
    const link = personalUnsubscribeUrl(`${PUBLIC_ORIGIN}/unsubscribe`, SECRET, 'choi@example.org', LIST_ID);

    const page = await service.request(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(html).toContain('choi@example.org');
    expect(await statusOf('choi@example.org')).toBe('confirmed');

    for (let i = 0; i < 2; i += 1) {
      const oneClick = await service.request(link, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(oneClick.status).toBe(200);
      expect(oneClick.headers.get('location')).toBeNull();
    }
    expect(await statusOf('choi@example.org')).toBe('unsubscribed');
    const events = (await service.store.show('choi@example.org')).events.map(({ type, source }) => `${type}/${source}`);
    expect(events).toEqual(['subscribed/web', 'confirmed/web', 'unsubscribed/one-click']);

    // The page's own button is the same POST, and lands on the site's page.
    const viaPage = await service.request(
      personalUnsubscribeUrl(`${PUBLIC_ORIGIN}/unsubscribe`, SECRET, 'csv-reader@example.org', LIST_ID),
      {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click&via=page',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    );
    expect(viaPage.status).toBe(303);
    expect(viaPage.headers.get('location')).toBe(UNSUBSCRIBED);
    expect(await statusOf('csv-reader@example.org')).toBe('unsubscribed');

    const wrong = `${link.slice(0, -3)}AAA`;
    expect((await service.request(wrong)).status).toBe(400);
    const otherList = personalUnsubscribeUrl(`${PUBLIC_ORIGIN}/unsubscribe`, SECRET, 'lee@example.org', 'other.example.org');
    expect(
      (
        await service.request(otherList, {
          method: 'POST',
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(400);
    expect(await statusOf('lee@example.org')).toBe('confirmed');
  });

  const bounce = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${BOUNCES_SECRET}` }) =>
    service.request('/bounces', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('takes generic bounce reports only with the secret: hard bounces and complaints suppress at once, soft ones at the limit', async () => {
    for (const email of ['hard@example.org', 'soft@example.org', 'angry@example.org']) {
      await service.subscribe({ email }, client());
      await service.request(confirmationLink(await confirmationFor(email)));
    }
    const refused = await bounce({ email: 'hard@example.org', type: 'hard' }, {});
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Basic');
    expect((await bounce({ email: 'hard@example.org', type: 'hard' }, { authorization: 'Bearer wrong-secret-0123456789' })).status).toBe(
      401,
    );
    expect(await statusOf('hard@example.org')).toBe('confirmed');

    expect((await bounce({ email: 'hard@example.org', type: 'hard', detail: '550 5.1.1 no such user' })).status).toBe(200);
    expect(await statusOf('hard@example.org')).toBe('bounced');
    const basic = `Basic ${Buffer.from(`bounces:${BOUNCES_SECRET}`).toString('base64')}`;
    expect((await bounce([{ email: 'angry@example.org', type: 'complaint' }], { authorization: basic })).status).toBe(200);
    expect(await statusOf('angry@example.org')).toBe('complained');

    for (let i = 1; i <= 3; i += 1) {
      await bounce({ email: 'soft@example.org', type: 'soft', detail: '452 mailbox full' });
      expect(await statusOf('soft@example.org')).toBe(i < 3 ? 'confirmed' : 'bounced');
    }
    const events = (await service.store.show('soft@example.org')).events.map(({ type }) => type);
    expect(events.slice(-4)).toEqual(['soft_bounce', 'soft_bounce', 'soft_bounce', 'bounced']);

    const invalid = await bounce({ email: 'soft@example.org', type: 'bounced' });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('type');
  });

  function snsMessage(fields: Partial<SnsMessage> & Pick<SnsMessage, 'Type' | 'Message'>): SnsMessage {
    const message: SnsMessage = {
      MessageId: `m-${Math.random().toString(16).slice(2)}`,
      TopicArn: TOPIC_ARN,
      Timestamp: new Date().toISOString(),
      SignatureVersion: '2',
      Signature: '',
      SigningCertURL: CERT_URL,
      ...fields,
    };
    message.Signature = sign('RSA-SHA256', Buffer.from(snsStringToSign(message)), snsKeys.privateKey).toString('base64');
    return message;
  }

  const postSns = (message: SnsMessage) =>
    service.request('/bounces', {
      method: 'POST',
      body: JSON.stringify(message),
      headers: {
        'content-type': 'text/plain; charset=UTF-8',
        'x-amz-sns-message-type': message.Type,
        authorization: `Bearer ${BOUNCES_SECRET}`,
      },
    });

  it('takes Amazon SES bounces and complaints through SNS once their signature verifies', async () => {
    for (const email of ['ses-hard@example.org', 'ses-soft@example.org', 'ses-complaint@example.org']) {
      await service.subscribe({ email }, client());
      await service.request(confirmationLink(await confirmationFor(email)));
    }
    const bounceNotice = snsMessage({
      Type: 'Notification',
      Message: JSON.stringify({
        notificationType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: 'ses-hard@example.org', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        },
        mail: { messageId: 'x' },
      }),
    });
    const tampered = { ...bounceNotice, Message: bounceNotice.Message.replace('ses-hard', 'ses-soft') };
    expect((await postSns(tampered)).status).toBe(403);
    expect((await postSns({ ...bounceNotice, SigningCertURL: 'https://evil.example.org/cert.pem' })).status).toBe(403);
    expect((await postSns(snsMessage({ ...bounceNotice, TopicArn: 'arn:aws:sns:eu-west-1:123456789012:other' }))).status).toBe(403);
    expect(await statusOf('ses-soft@example.org')).toBe('confirmed');

    const accepted = await postSns(bounceNotice);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ recorded: 1 });
    expect(await statusOf('ses-hard@example.org')).toBe('bounced');
    expect((await service.store.show('ses-hard@example.org')).events.at(-1)).toMatchObject({
      type: 'bounced',
      source: 'bounce:ses',
      detail: 'smtp; 550 5.1.1 user unknown',
    });

    const transient = snsMessage({
      Type: 'Notification',
      Message: JSON.stringify({
        eventType: 'Bounce',
        bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'ses-soft@example.org' }] },
      }),
    });
    await postSns(transient);
    expect(await statusOf('ses-soft@example.org')).toBe('confirmed');
    expect((await service.store.show('ses-soft@example.org')).subscriber?.softBounces).toBe(1);

    const complaint = snsMessage({
      Type: 'Notification',
      Subject: 'Amazon SES Email Event Notification',
      Message: JSON.stringify({
        notificationType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: '"Reader" <ses-complaint@example.org>' }], complaintFeedbackType: 'abuse' },
      }),
    });
    expect((await postSns(complaint)).status).toBe(200);
    expect(await statusOf('ses-complaint@example.org')).toBe('complained');

    const subscribeUrl = 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=x&Token=abc';
    const confirmation = snsMessage({
      Type: 'SubscriptionConfirmation',
      Message: 'You have chosen to subscribe',
      Token: 'abc',
      SubscribeURL: subscribeUrl,
    });
    expect((await postSns(confirmation)).status).toBe(200);
    expect(visited).toEqual([subscribeUrl]);
  });
});

describe('the subscription service of a German site', () => {
  let dir: string;
  let location: DatabaseLocation;
  let service: TestService;

  beforeAll(async () => {
    dir = makeServiceProject((site) => Object.assign(site, { language: 'de', locale: 'de-DE' }));
    location = await freshDatabase('embedded');
    service = await startService(dir, location);
  });

  afterAll(async () => {
    await service?.close();
    removeDatabase(location);
    removeProject(dir);
  });

  it('writes its confirmation email, its pages and its refusals in German', async () => {
    await service.subscribe({ email: 'kim@example.org' });
    await service.mailerIdle();
    const message = outboxMessageFor(await readOutbox(dir), 'kim@example.org');
    expect(message.parsed.subject).toBe('Bestätigen Sie Ihr Abonnement von The Korea Dispatch');
    expect(message.parsed.text).toContain('Der Link gilt 48 Stunden.');
    expect(message.parsed.html).toContain('<html lang="de" dir="ltr">');

    const unsubscribe = await (
      await service.request(personalUnsubscribeUrl(`${PUBLIC_ORIGIN}/unsubscribe`, SECRET, 'kim@example.org', LIST_ID))
    ).text();
    expect(unsubscribe).toContain('<html lang="de" dir="ltr">');
    expect(unsubscribe).toContain('Den Newsletter von The Korea Dispatch nicht mehr an kim@example.org senden?');
    expect(unsubscribe).toContain('<button type="submit">Abbestellen</button>');
    expect(unsubscribe).toContain('Zurück zu The Korea Dispatch');

    const refused = await service.subscribe({ email: 'nope' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<h1>Diese Adresse sieht nicht richtig aus</h1>');
  });
});
