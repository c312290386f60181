// Swapping a finished build into place: the previous output survives a failed swap, and a swap killed
// between its two renames is undone by the next build.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverInterruptedSwap, swapIntoPlace } from '../../../src/build/swap.ts';
import { buildInto, copyContent, seedSlug, tempDir } from '../../helpers/site.ts';

function siteWithMarker(parent: string, name = '_site'): string {
  const out = path.join(parent, name);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'marker.txt'), 'the last good build');
  return out;
}

describe('swapIntoPlace', () => {
  it('puts the previous output back when the new one cannot be moved in', async () => {
    const parent = tempDir();
    const out = siteWithMarker(parent);
    await expect(swapIntoPlace(path.join(parent, '.missing-staging'), out)).rejects.toThrow(/ENOENT/);
    expect(fs.readFileSync(path.join(out, 'marker.txt'), 'utf8')).toBe('the last good build');
    expect(fs.readdirSync(parent)).toEqual(['_site']);
  });
});

describe('recoverInterruptedSwap', () => {
  it('restores the newest retired site when the output folder is missing', async () => {
    const parent = tempDir();
    const older = siteWithMarker(parent, '._site.staging-aaa.previous');
    const newer = siteWithMarker(parent, '._site.staging-bbb.previous');
    fs.utimesSync(older, new Date('2025-01-01'), new Date('2025-01-01'));
    const out = path.join(parent, '_site');
    expect(await recoverInterruptedSwap(out)).toBe(newer);
    expect(fs.readFileSync(path.join(out, 'marker.txt'), 'utf8')).toBe('the last good build');
  });

  it('leaves everything alone when the output folder is there, or nothing was retired', async () => {
    const parent = tempDir();
    const out = siteWithMarker(parent);
    siteWithMarker(parent, '._site.staging-ccc.previous');
    expect(await recoverInterruptedSwap(out)).toBeUndefined();
    expect(fs.readdirSync(parent).sort()).toEqual(['._site.staging-ccc.previous', '_site']);
    expect(await recoverInterruptedSwap(path.join(tempDir(), '_site'))).toBeUndefined();
  });

  it('lets a failed build after an interrupted swap keep the last good site', async () => {
    const parent = tempDir();
    siteWithMarker(parent, '._site.staging-ddd.previous');
    const out = path.join(parent, '_site');
    const broken = copyContent((dir) => fs.rmSync(path.join(dir, 'facts', `${seedSlug}.yaml`)));
    await expect(buildInto(broken, out)).rejects.toThrow(/no facts file/);
    expect(fs.readFileSync(path.join(out, 'marker.txt'), 'utf8')).toBe('the last good build');
  });
});
