// POST /bounces: bounce and complaint reports behind a bearer secret, as generic JSON or Amazon SES through SNS.
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { readGenericBounces } from '../bounces/generic.ts';
import type { BounceReport } from '../bounces/report.ts';
import { isSnsUrl, parseSnsMessage, sesBounceReports, verifySnsSignature } from '../bounces/ses.ts';
import type { ServiceDeps } from '../deps.ts';

/** SNS messages are at most 256 KB. */
const MAX_BODY_BYTES = 300 * 1024;

function sameSecret(given: string, expected: string): boolean {
  // Hashing first makes the comparison constant-time whatever the lengths.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `Authorization: Bearer <secret>`, or Basic with the secret as password: SNS can only send credentials
 * written into the endpoint URL (https://bounces:<secret>@…), as Basic, after a 401 asks for them.
 */
function authorised(header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  const [scheme = '', value = ''] = header.split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return sameSecret(value, secret);
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return sameSecret(decoded.slice(decoded.indexOf(':') + 1), secret);
  }
  return false;
}

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await c.req.text()) as unknown };
  } catch {
    return { ok: false };
  }
}

export function bounceRoutes(deps: ServiceDeps): Hono {
  const { config, store } = deps;
  const app = new Hono();
  const secret = config.bouncesSecret;
  if (secret === undefined) return app;

  const record = async (reports: readonly BounceReport[], source: string) => {
    const now = deps.now();
    for (const report of reports) {
      await store.recordBounce(
        report.email,
        { type: report.type, source, softLimit: config.site.softBounceLimit, ...(report.detail ? { detail: report.detail } : {}) },
        now,
      );
    }
  };

  const fromSns = async (c: Context) => {
    const body = await readJson(c);
    const message = body.ok ? parseSnsMessage(body.value) : undefined;
    if (message === undefined) return c.json({ error: 'not an SNS message' }, 400);
    if (!config.sesTopicArns.includes(message.TopicArn)) {
      deps.log(`bounces: SNS message from topic ${message.TopicArn}, which SES_TOPIC_ARNS does not list; refused`);
      return c.json({ error: 'topic not accepted' }, 403);
    }
    let valid = false;
    try {
      valid = await verifySnsSignature(message, deps.certificates);
    } catch (error) {
      deps.log(`bounces: could not check an SNS signature: ${(error as Error).message}`);
    }
    if (!valid) return c.json({ error: 'signature does not verify' }, 403);
    if (message.Type === 'SubscriptionConfirmation') {
      if (message.SubscribeURL === undefined || !isSnsUrl(message.SubscribeURL)) return c.json({ error: 'no SNS SubscribeURL' }, 400);
      await deps.visit(message.SubscribeURL);
      deps.log(`bounces: confirmed the SNS subscription of topic ${message.TopicArn}`);
      return c.json({ status: 'subscription confirmed' });
    }
    if (message.Type === 'UnsubscribeConfirmation') return c.json({ status: 'ignored' });
    const reports = sesBounceReports(message.Message);
    await record(reports, 'bounce:ses');
    return c.json({ recorded: reports.length });
  };

  return app.post('/bounces', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Request too large', 413) }), async (c) => {
    if (!authorised(c.req.header('authorization'), secret)) {
      // The Basic challenge is what makes SNS send the credentials written into its endpoint URL.
      c.header('WWW-Authenticate', 'Basic realm="bounces"');
      return c.json({ error: 'unauthorised' }, 401);
    }
    if (c.req.header('x-amz-sns-message-type') !== undefined) return fromSns(c);
    const body = await readJson(c);
    if (!body.ok) return c.json({ error: 'body is not JSON' }, 400);
    const reading = readGenericBounces(body.value);
    if (!reading.ok) return c.json({ error: 'invalid bounce report', problems: reading.problems }, 400);
    await record(reading.reports, 'bounce:generic');
    return c.json({ recorded: reading.reports.length });
  });
}
