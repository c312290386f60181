// The build's content check runs in a worker thread and hands its parsed facts to the build.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkContentInWorker } from '../../src/build/check-in-worker.ts';
import { loadAllFacts } from '../../src/facts/load.ts';
import { copyContent, realContentDir, seedSlug } from '../helpers/site.ts';

describe('checkContentInWorker', () => {
  it('finds no problems in the real content and hands over the same facts the files parse to', async () => {
    const check = checkContentInWorker(realContentDir);
    const facts = check.facts();
    expect(isDeepStrictEqual(facts, loadAllFacts(realContentDir, 'Asia/Seoul'))).toBe(true);
    expect(check.facts()).toBe(facts);
    expect(await check.errors).toEqual([]);
  });

  it('reports every problem, and a build asking for broken facts gets an error instead of waiting', async () => {
    const content = copyContent((dir) => {
      const file = path.join(dir, 'facts', `${seedSlug}.yaml`);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/value: 11000\b/, 'value: "eleven thousand"'));
    });
    const check = checkContentInWorker(content);
    expect(() => check.facts()).toThrow(/facts files could not be loaded: .*value must be a number, got "eleven thousand"/);
    const errors = await check.errors;
    expect(errors.join('\n')).toMatch(
      new RegExp(`facts/${seedSlug}\\.yaml: fact "[a-z-]+": value: value must be a number, got "eleven thousand"`),
    );
  });
});
