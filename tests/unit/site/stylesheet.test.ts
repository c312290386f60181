import { describe, expect, it } from 'vitest';
import { stylesheet } from '../../../src/site/stylesheet.ts';

describe('stylesheet', () => {
  it('names the file after a hash of its bytes', () => {
    const a = stylesheet('body{color:#111}');
    expect(a.href).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    expect(a.outputPath).toBe(a.href.slice(1));
    expect(stylesheet('body{color:#111}').href).toBe(a.href);
  });

  it('gives changed styles a new name, so a cached old copy is never served for them', () => {
    expect(stylesheet('body{color:#111}').href).not.toBe(stylesheet('body{color:#112}').href);
  });

  it('keeps the CSS as it is', () => {
    expect(stylesheet('a{}\n', 'print').css).toBe('a{}\n');
    expect(stylesheet('a{}\n', 'print').href).toMatch(/^\/assets\/print\./);
  });
});
