import { describe, expect, it } from 'vitest';
import { checkLineLength } from '../../../src/email/checks/line-length.ts';

describe('checkLineLength', () => {
  it('accepts lines of 998 characters', () => {
    expect(checkLineLength(`<p>\n${'a'.repeat(998)}\n</p>`)).toEqual({ errors: [], warnings: [] });
  });

  it('is an error for a 999-character line, naming the line number', () => {
    const { errors } = checkLineLength(`<p>\nshort\n${'a'.repeat(999)}\n</p>`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.check).toBe('line-length');
    expect(errors[0]?.message).toMatch(/^line 3 is 999 bytes long; mail allows at most 998 \(RFC 5322\)/);
  });

  it('reports every long line, with CRLF line ends too', () => {
    const long = 'b'.repeat(1500);
    const { errors } = checkLineLength(`${long}\r\nok\r\n${long}`);
    expect(errors.map((issue) => issue.message.slice(0, 30))).toEqual(['line 1 is 1,500 bytes long; ma', 'line 3 is 1,500 bytes long; ma']);
  });

  it('counts bytes: 500 Hangul syllables are 1,500 bytes', () => {
    expect(checkLineLength('한'.repeat(500)).errors).toHaveLength(1);
  });
});
