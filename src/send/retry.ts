// Which delivery errors are worth retrying, and how long to wait before the next try.

export type FailureKind =
  /** 4xx reply or a dropped connection: the same message may go through later */
  | 'temporary'
  /** 5xx reply about this recipient or message: retrying gets the same answer */
  | 'permanent'
  /** the transport itself is misconfigured (login, TLS): no recipient can succeed, stop the run */
  | 'fatal';

export interface ClassifiedFailure {
  kind: FailureKind;
  /** SMTP reply code when the server answered, otherwise the error code */
  code?: number | string;
  /** the server's reply, or the error message when there was none */
  response: string;
  /** no SMTP reply at all: the connection failed, so the next recipient would most likely fail too */
  connectionLevel: boolean;
}

const FATAL_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EPROXY']);
const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);

interface SendError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

export function classifySendError(error: unknown): ClassifiedFailure {
  const { code, responseCode, response, message } = (typeof error === 'object' && error !== null ? error : {}) as SendError;
  const text = typeof response === 'string' && response !== '' ? response : typeof message === 'string' ? message : String(error);
  const errorCode = typeof code === 'string' ? code : undefined;
  if (errorCode !== undefined && FATAL_CODES.has(errorCode)) {
    return { kind: 'fatal', code: typeof responseCode === 'number' ? responseCode : errorCode, response: text, connectionLevel: false };
  }
  if (typeof responseCode === 'number') {
    // RFC 5321: 5yz is permanent, 4yz transient; 503 (bad sequence) says the session was confused, not the message.
    const permanent = responseCode >= 500 && responseCode < 600 && responseCode !== 503;
    return { kind: permanent ? 'permanent' : 'temporary', code: responseCode, response: text, connectionLevel: false };
  }
  if (errorCode !== undefined && CONNECTION_CODES.has(errorCode)) {
    return { kind: 'temporary', code: errorCode, response: text, connectionLevel: true };
  }
  return { kind: 'permanent', ...(errorCode === undefined ? {} : { code: errorCode }), response: text, connectionLevel: false };
}

/**
 * A permanent refusal that says the address itself is bad (a hard bounce), not the message or the sender:
 * enhanced status 5.1.x (no such mailbox or domain) or 5.2.1 (mailbox disabled); without an enhanced status,
 * 550, 551 and 553. Policy and content refusals (5.7.x spam blocks, 5.6.x, 5.3.x) are not the address's fault.
 */
export function isAddressRefusal(failure: ClassifiedFailure): boolean {
  if (failure.kind !== 'permanent' || typeof failure.code !== 'number') return false;
  const enhanced = /\b5\.(\d{1,3})\.(\d{1,3})\b/.exec(failure.response);
  if (enhanced) return enhanced[1] === '1' || (enhanced[1] === '2' && enhanced[2] === '1');
  return [550, 551, 553].includes(failure.code);
}

/** Exponential backoff: base, 2×base, 4×base… capped at `maxMs`. `attempt` counts from 1. */
export function backoffDelay(attempt: number, baseMs: number, maxMs = 5 * 60_000): number {
  return Math.min(baseMs * 2 ** (attempt - 1), maxMs);
}
