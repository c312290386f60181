// The plain-text part's word wrap keeps a figure on one line.
import { describe, expect, it } from 'vitest';
import { wrap } from '../../../src/digest/text.ts';

describe('wrap', () => {
  it('breaks at plain spaces only, so a figure or a date is never split across lines', () => {
    const figure = 'at\u00a0least\u00a01,100\u00a0people';
    const date = 'Dec.\u00a019,\u00a02024';
    const lines = wrap(`The count rose to ${figure} on ${date}, the ministry said.`, '', '', 20).split('\n');
    expect(lines).toEqual(['The count rose to', figure, `on ${date},`, 'the ministry said.']);
    for (const line of lines) expect(line.length <= 20 || !line.includes(' ')).toBe(true);
  });
});
