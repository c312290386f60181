// Command-line flags.
import { describe, expect, it } from 'vitest';
import { parseSendArgs } from '../../src/send/args.ts';

describe('parseSendArgs', () => {
  it('reads every flag, with defaults for the tuning ones', () => {
    expect(parseSendArgs(['--digest', '2025-06-27', '--recipients', 'r.csv'])).toEqual({
      digest: '2025-06-27',
      recipients: 'r.csv',
      smtp: undefined,
      journal: undefined,
      rate: undefined,
      outbox: undefined,
      site: undefined,
      suppress: undefined,
      resendInDoubt: false,
      retryBaseMs: 2000,
      maxAttempts: 5,
      connections: 3,
    });
    const all = parseSendArgs([
      '--digest=d',
      '--recipients=r.csv',
      '--smtp=smtp://h:25',
      '--journal=j',
      '--rate=2.5',
      '--outbox=o',
      '--site=s',
      '--suppress=x.csv',
      '--resend-in-doubt',
      '--retry-base-ms=10',
      '--max-attempts=2',
      '--connections=1',
    ]);
    expect(all).toMatchObject({ rate: 2.5, resendInDoubt: true, retryBaseMs: 10, maxAttempts: 2, connections: 1, suppress: 'x.csv' });
  });

  it('returns undefined for --help', () => {
    expect(parseSendArgs(['--help'])).toBeUndefined();
  });

  it('names what is missing or wrong', () => {
    expect(() => parseSendArgs([])).toThrow('2 problems, nothing was sent:\n- --digest is required\n- --recipients is required');
    expect(() => parseSendArgs(['--digest', 'd', '--recipients', 'r', '--rate', '0'])).toThrow('--rate must be a positive number, got "0"');
    expect(() => parseSendArgs(['--digest', 'd', '--recipients', 'r', '--connections', '1.5'])).toThrow(
      '--connections must be a positive whole number',
    );
    expect(() => parseSendArgs(['--digest', 'd', '--recipients', 'r', '--smpt', 'x'])).toThrow(/Unknown option '--smpt'/);
  });

  it('takes --smtp env as "use $SMTP_URL", and asks for a value when --smtp has none', () => {
    expect(parseSendArgs(['--digest', 'd', '--recipients', 'r', '--smtp', 'env'])?.smtp).toBe('env');
    const expected = '--smtp needs a value: an smtp:// or smtps:// URL, or "env" to use the URL in $SMTP_URL';
    for (const smtp of [['--smtp'], ['--smtp', '--rate', '2'], ['--smtp', ' ']]) {
      expect(() => parseSendArgs(['--digest', 'd', '--recipients', 'r', ...smtp]), smtp.join(' ')).toThrow(expected);
    }
  });

  it('does not echo a stray argument, which may be an SMTP URL with a password', () => {
    expect(() => parseSendArgs(['--digest', 'd', '--recipients', 'r', 'smtp://u:hunter2-secret@h'])).toThrow(
      'unexpected argument without a flag (flags look like --name value)',
    );
  });
});
