import { describe, expect, it } from 'vitest';
import { checkSize } from '../../../src/email/checks/size.ts';

const htmlOfBytes = (bytes: number): string => {
  const shell = '<!DOCTYPE html><html><body><p></p></body></html>';
  return shell.replace('<p></p>', `<p>${'x'.repeat(bytes - shell.length)}</p>`);
};

describe('checkSize', () => {
  it('is an error above 102 KB, where Gmail clips the message', () => {
    const html = htmlOfBytes(103 * 1024);
    expect(Buffer.byteLength(html)).toBe(103 * 1024);
    expect(checkSize(html)).toEqual({
      errors: [{ check: 'size', message: 'email HTML is 103 KB; Gmail clips messages over 102 KB' }],
      warnings: [],
    });
  });

  it('names the size to one decimal', () => {
    const result = checkSize(htmlOfBytes(Math.round(104.2 * 1024)));
    expect(result.errors[0]?.message).toBe('email HTML is 104.2 KB; Gmail clips messages over 102 KB');
  });

  it('is a warning above 80 KB', () => {
    const result = checkSize(htmlOfBytes(85 * 1024));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { check: 'size', message: "email HTML is 85 KB, close to Gmail's clipping limit of 102 KB (warning above 80 KB)" },
    ]);
  });

  it('accepts exactly 102 KB and anything up to 80 KB', () => {
    expect(checkSize(htmlOfBytes(102 * 1024)).errors).toEqual([]);
    expect(checkSize(htmlOfBytes(80 * 1024))).toEqual({ errors: [], warnings: [] });
  });

  it('counts UTF-8 bytes, not characters', () => {
    const html = `<p>${'한'.repeat(35 * 1024)}</p>`;
    expect(html.length).toBeLessThan(80 * 1024);
    expect(checkSize(html).errors).toHaveLength(1);
  });
});
