// What a failed build reports from the error Eleventy throws: the innermost message, which names the file.
import { describe, expect, it } from 'vitest';
import { rootCause } from '../../../src/build/site.ts';

describe('rootCause', () => {
  it('gives the innermost message of other errors as it is', () => {
    const inner = new Error('content/articles/x.md: title: expected a non-empty title, got nothing');
    const wrapped = Object.assign(new Error('Having trouble rendering md template'), {
      originalError: Object.assign(new Error('outer'), { cause: inner }),
    });
    expect(rootCause(wrapped)).toBe(inner);
  });
});
