// npm start keeps watching when its first build fails; later failures are Eleventy's to report.
import { describe, expect, it } from 'vitest';
import { survivingFirstBuild } from '../../../src/build/first-build.ts';

describe('survivingFirstBuild', () => {
  it('reports a failed first build and carries on, so the watcher still starts', async () => {
    const warnings: string[] = [];
    const write = survivingFirstBuild(
      () => Promise.reject(new Error('Data cascade value for `date` is invalid')),
      (m) => warnings.push(m),
    );
    await expect(write()).resolves.toBeUndefined();
    expect(warnings).toEqual(['[dispatch] The first build failed (see above). Fix the file and save it: the server is watching.']);
    // A later build's failure is not swallowed: Eleventy's watcher reports it.
    await expect(write()).rejects.toThrow('is invalid');
    expect(warnings).toHaveLength(1);
  });

  it('passes results through and says nothing when builds succeed', async () => {
    const warnings: string[] = [];
    let builds = 0;
    const write = survivingFirstBuild(
      () => Promise.resolve((builds += 1)),
      (m) => warnings.push(m),
    );
    await expect(write()).resolves.toBe(1);
    await expect(write()).resolves.toBe(2);
    expect(warnings).toEqual([]);
  });
});
