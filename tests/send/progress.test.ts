// Progress output: a redrawn bar on a terminal, plain lines elsewhere.
import { describe, expect, it } from 'vitest';
import { createProgress, renderBar } from '../../src/send/progress.ts';

function stream(isTTY: boolean) {
  return {
    text: '',
    isTTY,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe('createProgress', () => {
  it('prints one plain line per event when not on a terminal', () => {
    const out = stream(false);
    const progress = createProgress(out, 3);
    progress.record('sent', 'a@example.org');
    progress.record('retry', 'b@example.org', '451 try later');
    progress.record('failed', 'b@example.org', '550 no such user');
    progress.finish();
    expect(out.text).toBe('sent a@example.org (1/3)\nretry b@example.org: 451 try later\nfailed b@example.org (2/3): 550 no such user\n');
  });

  it('says "written" instead of "sent" for the outbox, on a terminal and off it', () => {
    const plain = stream(false);
    createProgress(plain, 1, 'written').record('sent', 'a@example.org');
    expect(plain.text).toBe('written a@example.org (1/1)\n');
    const terminal = stream(true);
    createProgress(terminal, 1, 'written').finish();
    expect(terminal.text).toContain('0/1  written 0  failed 0');
  });

  it('redraws a bar in place on a terminal, printing failures above it', () => {
    const out = stream(true);
    const progress = createProgress(out, 4);
    progress.record('sent', 'a@example.org');
    progress.record('failed', 'b@example.org', '550 no such user');
    progress.finish();
    const frames = out.text.split('\r\x1b[2K').filter(Boolean);
    expect(frames[0]).toBe(`${renderBar(0, 4)} 0/4  sent 0  failed 0`);
    expect(frames[1]).toBe(`${renderBar(1, 4)} 1/4  sent 1  failed 0`);
    expect(frames[2]).toBe('failed b@example.org: 550 no such user\n');
    expect(frames.at(-1)).toBe(`${renderBar(2, 4)} 2/4  sent 1  failed 1\n`);
  });
});

describe('renderBar', () => {
  it('fills in proportion, and is full for an empty run', () => {
    expect(renderBar(0, 4, 8)).toBe('[        ]');
    expect(renderBar(2, 4, 8)).toBe('[====    ]');
    expect(renderBar(0, 0, 8)).toBe('[========]');
  });
});
