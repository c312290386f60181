// Swapping a finished build into place: the previous output survives a failed swap, and a swap killed
// between its two renames is undone by the next build.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../../../src/shared/output-folder.ts';
import { makeStagingDir, recoverInterruptedSwap, removeAbandonedStaging, swapIntoPlace } from '../../../src/build/swap.ts';
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

describe('removeAbandonedStaging', () => {
  it("removes a killed build's staging and retired folders, never a running build's, nor a folder no build marked", async () => {
    const parent = tempDir();
    const out = siteWithMarker(parent);
    const mark = (dir: string) => fs.writeFileSync(path.join(dir, BUILD_MARKER), '');
    const killed = siteWithMarker(parent, '._site.staging-999999999-aaaaaa');
    mark(killed);
    const killedRetired = siteWithMarker(parent, '._site.staging-999999999-bbbbbb.previous');
    mark(killedRetired);
    const running = siteWithMarker(parent, `._site.staging-${process.pid}-cccccc`);
    mark(running);
    const runningRetired = siteWithMarker(parent, `._site.staging-${process.pid}-dddddd.previous`);
    mark(runningRetired);
    const unmarked = siteWithMarker(parent, '._site.staging-999999999-eeeeee');
    const removed = await removeAbandonedStaging(out);
    expect(removed.sort()).toEqual([killed, killedRetired].sort());
    expect(fs.readdirSync(parent).sort()).toEqual([running, runningRetired, unmarked, out].map((dir) => path.basename(dir)).sort());
  });

  it('keeps the retired site while the output folder is missing, for recovery', async () => {
    const parent = tempDir();
    const retired = siteWithMarker(parent, '._site.staging-999999999-ffffff.previous');
    fs.writeFileSync(path.join(retired, BUILD_MARKER), '');
    expect(await removeAbandonedStaging(path.join(parent, '_site'))).toEqual([]);
    expect(fs.existsSync(retired)).toBe(true);
  });
});

describe('recoverInterruptedSwap and a build still running', () => {
  it('does not take the retired site of a build that is still between its renames', async () => {
    const parent = tempDir();
    siteWithMarker(parent, `._site.staging-${process.pid}-gggggg.previous`);
    expect(await recoverInterruptedSwap(path.join(parent, '_site'))).toBeUndefined();
    expect(fs.existsSync(path.join(parent, '_site'))).toBe(false);
  });
});

describe('makeStagingDir', () => {
  it('names the folder after this process and marks it as a build', async () => {
    const out = path.join(tempDir(), '_site');
    const staging = await makeStagingDir(out);
    expect(path.basename(staging)).toMatch(new RegExp(`^\\._site\\.staging-${process.pid}-\\w{6}$`));
    expect(fs.readdirSync(staging)).toEqual([BUILD_MARKER]);
  });
});
