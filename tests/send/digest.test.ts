// Loading what the build wrote for a digest.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDigest } from '../../src/send/digest.ts';
import { makeProject, removeProject, SLUG } from './helpers.ts';

let dir: string;
const metaFile = () => path.join(dir, 'site/digests', SLUG, 'digest.json');
const editMeta = (edit: (meta: Record<string, unknown>) => void) => {
  const meta = JSON.parse(fs.readFileSync(metaFile(), 'utf8')) as Record<string, unknown>;
  edit(meta);
  fs.writeFileSync(metaFile(), JSON.stringify(meta));
};

beforeEach(() => {
  dir = makeProject();
});
afterEach(() => {
  removeProject(dir);
});

describe('loadDigest', () => {
  it('reads digest.json, email.html and email.txt', () => {
    const digest = loadDigest(path.join(dir, 'site'), SLUG, dir);
    expect(digest.slug).toBe(SLUG);
    expect(digest.date.toISOString()).toBe('2025-06-26T22:00:00.000Z');
    expect(digest.mergeTags).toEqual({ unsubscribe: '*|UNSUB|*', viewInBrowser: '*|ARCHIVE|*' });
    expect(digest.html).toContain('*|UNSUB|*');
    expect(digest.text).toContain('*|ARCHIVE|*');
  });

  it('says when the site has not been built', () => {
    expect(() => loadDigest(path.join(dir, 'site'), '2099-01-01', dir)).toThrow(
      'site/digests/2099-01-01/digest.json: not found (has the site been built?)',
    );
  });

  it('refuses a slug that could escape the digests folder', () => {
    expect(() => loadDigest(path.join(dir, 'site'), '../../etc', dir)).toThrow('--digest "../../etc" is not a digest slug');
  });

  it('names the field that is wrong', () => {
    editMeta((meta) => {
      meta.unsubscribe = { url: 'http://dispatch.example.org/unsubscribe' };
      delete meta.subject;
    });
    expect(() => loadDigest(path.join(dir, 'site'), SLUG, dir)).toThrow(/digest\.json: subject: .*\n- .*digest\.json: unsubscribe\.url: /);
  });

  it('finds a literal unsubscribe URL with & in email.html, where it is written &amp;', () => {
    const literalUrl = 'https://dispatch.example.org/unsubscribe?list=digest&lang=en';
    editMeta((meta) => {
      meta.unsubscribe = { url: literalUrl };
      meta.mergeTags = { unsubscribe: literalUrl, viewInBrowser: 'https://dispatch.example.org/digests/2025-06-27/' };
    });
    const htmlFile = path.join(dir, 'site/digests', SLUG, 'email.html');
    fs.writeFileSync(htmlFile, `<p><a href="${literalUrl.replace('&', '&amp;')}">Unsubscribe</a></p>`);
    expect(loadDigest(path.join(dir, 'site'), SLUG, dir).mergeTags.unsubscribe).toBe(literalUrl);

    fs.writeFileSync(htmlFile, '<p>no link</p>');
    expect(() => loadDigest(path.join(dir, 'site'), SLUG, dir)).toThrow(`email.html: has no ${literalUrl} merge tag`);
  });

  it('refuses a digest.json whose slug is not the one asked for', () => {
    editMeta((meta) => {
      meta.slug = '2025-06-20';
    });
    expect(() => loadDigest(path.join(dir, 'site'), SLUG, dir)).toThrow(`slug is "2025-06-20" but --digest asked for "${SLUG}"`);
  });
});
