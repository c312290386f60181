// A real SMTP server on 127.0.0.1 for the send tests: scripted replies, and a record of every message it saw.
import type { Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SeenMessage {
  /** order in which the server finished reading the message, from 1 */
  index: number;
  recipients: string[];
  raw: Buffer;
  parsed: ParsedMail;
  /** the server answered 250: the message counts as delivered */
  accepted: boolean;
}

export type DataVerdict = 'accept' | 'drop' | 'hang' | { code: number; message: string };

export interface ServerScript {
  /** RCPT TO: return a reply to refuse it; `attempt` counts the RCPT commands for this address, from 1 */
  onRecipient?(address: string, attempt: number): { code: number; message: string } | undefined;
  /** after DATA was read: accept it, drop the connection, never answer, or refuse it */
  onMessage?(message: SeenMessage): DataVerdict;
  /** require AUTH with these credentials (plain text allowed, this is a loopback test server) */
  credentials?: { user: string; pass: string };
}

export interface TestServer {
  port: number;
  url: string;
  seen: SeenMessage[];
  connections: number;
  /** how many times `address` was delivered (answered 250) */
  acceptedCount(address: string): number;
  /** every seen message for `address`, delivered or not */
  seenFor(address: string): SeenMessage[];
  stop(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startTestServer(script: ServerScript = {}): Promise<TestServer> {
  const seen: SeenMessage[] = [];
  const sockets = new Map<number, Socket>();
  const rcptAttempts = new Map<string, number>();
  let connections = 0;
  let messagesRead = 0;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: script.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !script.credentials,
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      const { user, pass } = script.credentials ?? { user: '', pass: '' };
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    onRcptTo(address, _session, callback) {
      const key = address.address.toLowerCase();
      const attempt = (rcptAttempts.get(key) ?? 0) + 1;
      rcptAttempts.set(key, attempt);
      const refusal = script.onRecipient?.(key, attempt);
      callback(refusal ? smtpError(refusal.code, refusal.message) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => void onEnd());
      const onEnd = async () => {
        const raw = Buffer.concat(chunks);
        // Numbered before parsing, which is asynchronous, so concurrent connections get distinct numbers.
        messagesRead += 1;
        const index = messagesRead;
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        const message: SeenMessage = { index, recipients, raw, parsed: await simpleParser(raw), accepted: false };
        seen.push(message);
        const verdict = script.onMessage?.(message) ?? 'accept';
        if (verdict === 'accept') {
          message.accepted = true;
          callback(null, `2.0.0 Ok: queued as test-${message.index}`);
        } else if (verdict === 'drop') {
          sockets.get(session.remotePort)?.destroy();
        } else if (verdict !== 'hang') {
          callback(smtpError(verdict.code, verdict.message));
        }
      };
    },
  });
  server.server.on('connection', (socket: Socket) => {
    if (socket.remotePort !== undefined) sockets.set(socket.remotePort, socket);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('test SMTP server has no port');
  const port = address.port;
  const credentials = script.credentials
    ? `${encodeURIComponent(script.credentials.user)}:${encodeURIComponent(script.credentials.pass)}@`
    : '';

  return {
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    seen,
    get connections() {
      return connections;
    },
    acceptedCount: (email) => seen.filter((m) => m.accepted && m.recipients.includes(email.toLowerCase())).length,
    seenFor: (email) => seen.filter((m) => m.recipients.includes(email.toLowerCase())),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.values()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
