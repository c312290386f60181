// An article's front matter as the editor typed it: dates that must exist, carry a UTC offset, and be in order.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/content/article.ts';
import { parseDigest } from '../../../src/content/digest.ts';
import { readSourceFile } from '../../../src/content/front-matter.ts';

const readFrontMatter = (source: string) => readSourceFile(source, 'content/x.md');

const FILE = 'content/articles/x.md';
const FIELDS = ['title: A title', 'summary: A summary.', 'section: World'];

/** Parses an article whose front matter has these extra YAML lines, exactly as written in the file. */
function article(...lines: string[]) {
  return parseArticle(readFrontMatter(`---\n${[...FIELDS, ...lines].join('\n')}\n---\nBody.\n`).data, FILE);
}

describe('readSourceFile', () => {
  it('keeps unquoted YAML timestamps as the text the editor typed', () => {
    const { data } = readFrontMatter('---\ndate: 2025-02-30\nupdated: 2025-06-24 23:30:00\nat: 2025-06-24T09:00:00+09:00\n---\nBody.\n');
    expect(data).toEqual({ date: '2025-02-30', updated: '2025-06-24 23:30:00', at: '2025-06-24T09:00:00+09:00' });
  });
});

describe('article dates', () => {
  it('refuses a day that does not exist, quoted or not, instead of rolling it over', () => {
    expect(() => article('date: 2025-02-30')).toThrow(`${FILE}: date: 2025-02-30 is not a real calendar date`);
    expect(() => article('date: 2025-13-45')).toThrow(`${FILE}: date: 2025-13-45 is not a real calendar date`);
    expect(() => article('date: 2025-02-29T09:00:00+09:00')).toThrow(`${FILE}: date: 2025-02-29 is not a real calendar date`);
    expect(() => article('date: "2025-02-30T09:00:00+09:00"')).toThrow(`${FILE}: date: 2025-02-30 is not a real calendar date`);
    expect(() => article('date: "2025-06-24T09:00:00+09:00"', 'updated: 2025-06-31T09:00:00+09:00'))
      .toThrow(`${FILE}: updated: 2025-06-31 is not a real calendar date`);
  });

  it('refuses a time of day that does not exist', () => {
    expect(() => article('date: 2025-06-24T25:00:00+09:00')).toThrow(`${FILE}: date: 2025-06-24T25:00:00+09:00 is not a real time of day`);
  });

  it('refuses an unquoted date without a UTC offset with the same message as the quoted one', () => {
    for (const value of ['2025-06-24 23:30:00', '2025-06-24', '2025-06-24T23:30:00']) {
      const expected = `${FILE}: date: expected a date and time with a UTC offset, such as "2025-06-24T09:00:00+09:00", got "${value}"`;
      expect(() => article(`date: ${value}`)).toThrow(expected);
      expect(() => article(`date: "${value}"`)).toThrow(expected);
    }
    expect(() => article('date: "2025-06-24T09:00:00+09:00"', 'updated: 2025-06-25')).toThrow(
      `${FILE}: updated: expected a date and time with a UTC offset, such as "2025-06-24T09:00:00+09:00", got "2025-06-25"`,
    );
  });

  it('reads an unquoted date with an offset as the same instant as the quoted one, keeping the offset', () => {
    const unquoted = article('date: 2025-06-24T09:00:00+09:00').date;
    expect(unquoted.toISO()).toBe('2025-06-24T09:00:00.000+09:00');
    expect(unquoted.toMillis()).toBe(article('date: "2025-06-24T09:00:00+09:00"').date.toMillis());
  });

  it('refuses an updated earlier than the date, naming updated', () => {
    expect(() => article('date: "2025-06-24T09:00:00+09:00"', 'updated: "2025-06-24T08:59:00+09:00"')).toThrow(
      `${FILE}: updated: 2025-06-24T08:59:00.000+09:00 is earlier than date 2025-06-24T09:00:00.000+09:00; updated is when the article last changed, so it cannot come before publication`,
    );
  });

  it('compares updated and date as instants, whatever their offsets', () => {
    // 01:00 UTC is 10:00 in Seoul: an hour after publication, though its clock reads earlier.
    expect(article('date: "2025-06-24T09:00:00+09:00"', 'updated: "2025-06-24T01:00:00Z"').updated?.toMillis())
      .toBe(Date.parse('2025-06-24T01:00:00Z'));
    expect(article('date: "2025-06-24T09:00:00+09:00"', 'updated: "2025-06-24T09:00:00+09:00"').updated?.toISO())
      .toBe('2025-06-24T09:00:00.000+09:00');
  });
});

describe('digest dates', () => {
  it('refuses an unquoted digest date without an offset, and one that does not exist', () => {
    const digest = (date: string) =>
      parseDigest(readFrontMatter(`---\nsubject: S\npreheader: P\nintro: I\narticles: [a]\ndate: ${date}\n---\n`).data, 'content/digests/d.md');
    expect(() => digest('2025-06-27')).toThrow('content/digests/d.md: date: expected a date and time with a UTC offset');
    expect(() => digest('2025-06-31T07:00:00+09:00')).toThrow('content/digests/d.md: date: 2025-06-31 is not a real calendar date');
    expect(digest('2025-06-27T07:00:00+09:00').date.toISO()).toBe('2025-06-27T07:00:00.000+09:00');
  });

  it('refuses a select day that does not exist instead of rolling it over', () => {
    const source = '---\nsubject: S\npreheader: P\nintro: I\ndate: "2025-06-27T07:00:00+09:00"\nselect:\n  from: 2025-02-30\n---\n';
    expect(() => parseDigest(readFrontMatter(source).data, 'content/digests/d.md'))
      .toThrow('content/digests/d.md: select.from: expected a day such as 2025-06-20, got "2025-02-30"');
  });
});
