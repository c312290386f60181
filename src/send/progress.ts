// Progress while sending: a redrawn bar on a terminal, one plain line per event anywhere else (CI, logs, pipes).

/** What the sender writes to: process.stdout / process.stderr, or a capture in tests. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export type ProgressEvent = 'sent' | 'failed' | 'retry';

export interface Progress {
  /** one recipient finished (sent or failed) or is about to be retried; `detail` is printed as it is */
  record(event: ProgressEvent, email: string, detail?: string): void;
  /** prints a note above the bar (or as a line) */
  note(text: string): void;
  finish(): void;
}

const BAR_WIDTH = 30;

export function renderBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'='.repeat(filled)}${' '.repeat(width - filled)}]`;
}

/** `sentWord` names a delivered message: "sent" over SMTP, "written" for the outbox, where nothing is sent. */
export function createProgress(stream: OutputStream, total: number, sentWord = 'sent'): Progress {
  let sent = 0;
  let failed = 0;
  const done = () => sent + failed;
  const statusLine = () => `${renderBar(done(), total)} ${done()}/${total}  ${sentWord} ${sent}  failed ${failed}`;
  const word = (event: ProgressEvent) => (event === 'sent' ? sentWord : event);

  if (stream.isTTY) {
    const clearLine = '\r\x1b[2K';
    const redraw = () => stream.write(`${clearLine}${statusLine()}`);
    const above = (text: string) => {
      stream.write(`${clearLine}${text}\n`);
      redraw();
    };
    redraw();
    return {
      record(event, email, detail) {
        if (event === 'sent') sent += 1;
        if (event === 'failed') failed += 1;
        if (event === 'sent') redraw();
        else above(`${event} ${email}${detail ? `: ${detail}` : ''}`);
      },
      note: above,
      finish() {
        stream.write(`${clearLine}${statusLine()}\n`);
      },
    };
  }

  return {
    record(event, email, detail) {
      if (event === 'sent') sent += 1;
      if (event === 'failed') failed += 1;
      const position = event === 'retry' ? '' : ` (${done()}/${total})`;
      stream.write(`${word(event)} ${email}${position}${detail ? `: ${detail}` : ''}\n`);
    },
    note(text) {
      stream.write(`${text}\n`);
    },
    finish() {},
  };
}
