import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archivePageUrl, topicPageUrl } from '../../../src/content/urls.ts';
import type { ArticleView } from '../../../src/present/article.ts';
import { newsArticleJsonLd } from '../../../src/present/json-ld.ts';
import { timelineMarker, timelineMarkers } from '../../../src/present/timeline.ts';
import { FEED_SIZE, feedView } from '../../../src/site/feeds.ts';
import { paginate } from '../../../src/site/pagination.ts';
import { safeJson } from '../../../src/site/safe-json.ts';
import { latest, sitemapEntries } from '../../../src/site/sitemap.ts';
import { parseSite, type Site } from '../../../src/content/site.ts';

const site: Site = parseSite(
  {
    title: 'The Dispatch',
    description: 'News.',
    url: 'https://news.example.org',
    language: 'en',
    locale: 'en-US',
    timeZone: 'Asia/Seoul',
    author: { name: 'The newsroom' },
    publisher: { name: 'The Dispatch', url: 'https://news.example.org' },
    email: {
      from: { address: 'digest@news.example.org' },
      listId: 'digest.news.example.org',
      unsubscribeUrl: 'https://news.example.org/unsubscribe',
      unsubscribeMailto: 'unsubscribe@news.example.org',
      mergeTags: 'literal',
      utm: false,
    },
  },
  'site.json',
);

describe('safeJson', () => {
  it('prints <, > and & as \\u escapes, so it cannot close a <script>', () => {
    expect(safeJson({ t: '</script><script>alert(1)</script> & more' })).toBe(
      '{"t":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 more"}',
    );
  });

  it('reads back as the same value, and never contains "<" (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = safeJson(value);
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('refuses what JSON cannot print', () => {
    expect(() => safeJson(undefined)).toThrow(/cannot print undefined as JSON/);
  });
});

describe('newsArticleJsonLd', () => {
  const article = {
    url: 'https://news.example.org/articles/a/',
    headline: 'A headline',
    description: 'A summary.',
    datePublished: '2025-06-24T09:00:00+09:00',
    section: 'World',
    keywords: ['North Korea', 'Russia'],
  };

  it('is a schema.org NewsArticle with publisher, author, keywords and the page as main entity', () => {
    expect(newsArticleJsonLd(article, site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'A headline',
      description: 'A summary.',
      url: article.url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
      datePublished: '2025-06-24T09:00:00+09:00',
      dateModified: '2025-06-24T09:00:00+09:00',
      author: { '@type': 'Organization', name: 'The newsroom', url: 'https://news.example.org' },
      publisher: { '@type': 'Organization', name: 'The Dispatch', url: 'https://news.example.org' },
      articleSection: 'World',
      keywords: ['North Korea', 'Russia'],
      inLanguage: 'en',
    });
  });

  it('takes dateModified from the update when there is one', () => {
    expect(newsArticleJsonLd({ ...article, dateModified: '2025-06-26T18:30:00+09:00' }, site).dateModified).toBe(
      '2025-06-26T18:30:00+09:00',
    );
  });
});

describe('paginate', () => {
  it('splits into pages that know their URL and neighbours', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, archivePageUrl);
    expect(pages.map((p) => [p.url, p.items, p.previousUrl, p.nextUrl])).toEqual([
      ['/archive/', [1, 2], undefined, '/archive/2/'],
      ['/archive/2/', [3, 4], '/archive/', '/archive/3/'],
      ['/archive/3/', [5], '/archive/2/', undefined],
    ]);
    expect(pages.every((p) => p.pageCount === 3)).toBe(true);
  });

  it('keeps one empty first page for an empty list', () => {
    expect(paginate([], 20, archivePageUrl)).toEqual([
      { pageNumber: 1, pageCount: 1, url: '/archive/', items: [], previousUrl: undefined, nextUrl: undefined },
    ]);
  });

  it('puts every item on exactly one page, in order, at most `size` to a page (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 30 }), (items, size) => {
        const pages = paginate(items, size, (n) => topicPageUrl('t', n));
        expect(pages.flatMap((p) => p.items)).toEqual(items);
        expect(pages.every((p) => p.items.length <= size)).toBe(true);
        expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
      }),
    );
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0, archivePageUrl)).toThrow(/page size must be a positive integer, got 0/);
  });

  it('gives topic pages their URLs', () => {
    expect([topicPageUrl('north-korea'), topicPageUrl('north-korea', 2)]).toEqual(['/tags/north-korea/', '/tags/north-korea/2/']);
  });
});

describe('feedView', () => {
  const at = (iso: string) => ({ iso, dateline: iso, date: new Date(iso) });
  const article = (slug: string, published: string, updated = published) =>
    ({
      slug,
      url: `/articles/${slug}/`,
      absoluteUrl: `https://news.example.org/articles/${slug}/`,
      title: `Title ${slug}`,
      summary: 'Summary.',
      date: at(published),
      modified: at(updated),
      tags: ['Russia'],
      html: '<p>Body</p>',
      keyFigures: [],
    }) as unknown as ArticleView;

  it('gives absolute URLs, and is as new as its latest update, in the site time zone', () => {
    const feed = feedView(
      [article('b', '2025-06-24T09:00:00+09:00'), article('a', '2025-06-20T09:00:00+09:00', '2025-06-26T18:30:00+09:00')],
      site,
      new Date(0),
    );
    expect(feed.atomUrl).toBe('https://news.example.org/feed.xml');
    expect(feed.jsonUrl).toBe('https://news.example.org/feed.json');
    expect(feed.homeUrl).toBe('https://news.example.org/');
    expect(feed.updated).toBe('2025-06-26T18:30:00+09:00');
    expect(feed.entries.map((e) => [e.id, e.published, e.updated])).toEqual([
      ['https://news.example.org/articles/b/', '2025-06-24T09:00:00+09:00', '2025-06-24T09:00:00+09:00'],
      ['https://news.example.org/articles/a/', '2025-06-20T09:00:00+09:00', '2025-06-26T18:30:00+09:00'],
    ]);
  });

  it(`carries the newest ${FEED_SIZE} articles only`, () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, i) => article(`a${i}`, '2025-06-24T09:00:00+09:00'));
    expect(feedView(many, site, new Date(0)).entries.map((e) => e.slug)).toEqual(many.slice(0, FEED_SIZE).map((a) => a.slug));
  });

  it('dates an empty feed with the time it is built', () => {
    expect(feedView([], site, new Date('2025-01-01T00:00:00Z')).updated).toBe('2025-01-01T09:00:00+09:00');
  });
});

describe('sitemapEntries', () => {
  it('makes URLs absolute and lists each page once', () => {
    const day = new Date('2025-06-24T00:00:00Z');
    expect(
      sitemapEntries(
        [
          { path: '/', lastModified: day },
          { path: '/about/', lastModified: undefined },
          { path: '/', lastModified: undefined },
        ],
        site,
      ),
    ).toEqual([
      { url: 'https://news.example.org/', lastModified: day },
      { url: 'https://news.example.org/about/', lastModified: undefined },
    ]);
  });

  it('finds the latest date, ignoring missing ones', () => {
    const [a, b] = [new Date('2025-01-01'), new Date('2025-02-01')];
    expect(latest([a, undefined, b])).toBe(b);
    expect(latest([])).toBeUndefined();
  });
});

describe('timelineMarker', () => {
  it('tells a known day from a month or year only, and both from uncertain dates', () => {
    expect(timelineMarker({ precision: 'day', uncertain: false })).toBe('exact');
    expect(timelineMarker({ precision: 'month', uncertain: false })).toBe('partial');
    expect(timelineMarker({ precision: 'year', uncertain: false })).toBe('partial');
    expect(timelineMarker({ precision: 'range', uncertain: true })).toBe('uncertain');
    expect(timelineMarker({ precision: 'day', uncertain: true })).toBe('uncertain');
  });

  it('lists the markers in use, in legend order', () => {
    expect(
      timelineMarkers([
        { precision: 'choice', uncertain: true },
        { precision: 'day', uncertain: false },
      ]),
    ).toEqual(['exact', 'uncertain']);
  });
});

describe('parseSite: values bound for mail headers', () => {
  const file = 'content/_data/site.json';
  const withEmail = (email: Record<string, unknown>) => () =>
    parseSite({ ...site, url: 'https://news.example.org', email: { ...site.email, ...email } }, file);

  it('names site.json and the field for a line break in a sender or reply-to name', () => {
    expect(withEmail({ from: { name: 'The Dispatch\r\nBcc: x@example.org', address: 'digest@news.example.org' } })).toThrow(
      'content/_data/site.json: email.from.name: must be a single line (found a line break)',
    );
    expect(withEmail({ replyTo: { name: 'News\u0007room', address: 'news@news.example.org' } })).toThrow(
      'content/_data/site.json: email.replyTo.name: must not contain control characters (found U+0007)',
    );
  });

  it('says an unsubscribe URL must be https, and shows the value', () => {
    expect(withEmail({ unsubscribeUrl: 'http://news.example.org/unsubscribe' })).toThrow(
      'content/_data/site.json: email.unsubscribeUrl: expected an https URL (one-click unsubscribe requires https), got "http://news.example.org/unsubscribe"',
    );
    expect(withEmail({ unsubscribeUrl: 'https://news.example.org/un subscribe' })).toThrow(
      'email.unsubscribeUrl: must not contain spaces or angle brackets',
    );
  });

  it('shows a bad address with its field', () => {
    expect(withEmail({ from: { address: 'Digest <digest@news.example.org>' } })).toThrow(
      'content/_data/site.json: email.from.address: expected one plain email address such as "digest@example.org", got "Digest <digest@news.example.org>"',
    );
    expect(withEmail({ unsubscribeMailto: 'unsubscribe@localhost' })).toThrow('email.unsubscribeMailto: expected one plain email address');
  });
});

describe('parseSite: what shapes the email and its sending', () => {
  const file = 'content/_data/site.json';
  const withEmail = (email: Record<string, unknown>) => () =>
    parseSite({ ...site, url: 'https://news.example.org', email: { ...site.email, ...email } }, file);

  it('defaults the size budget to 90 KB and accepts 20 to 102', () => {
    expect(site.email.sizeBudgetKb).toBe(90);
    expect(withEmail({ sizeBudgetKb: 60 })().email.sizeBudgetKb).toBe(60);
    expect(withEmail({ sizeBudgetKb: 103 })).toThrow(
      'content/_data/site.json: email.sizeBudgetKb: expected at most 102 KB: Gmail clips messages over 102 KB',
    );
    expect(withEmail({ sizeBudgetKb: 5 })).toThrow('email.sizeBudgetKb: expected a whole number of KB from 20 to 102');
    expect(withEmail({ sizeBudgetKb: 50.5 })).toThrow('email.sizeBudgetKb');
  });

  it('keeps the postal address on one line of the footer', () => {
    expect(withEmail({ postalAddress: '1 Example Street, Seoul' })().email.postalAddress).toBe('1 Example Street, Seoul');
    expect(withEmail({ postalAddress: '1 Example Street\nSeoul' })).toThrow(
      'content/_data/site.json: email.postalAddress: the postal address is printed on one line of the footer, so it must be a single line (found a line break)',
    );
  });

  it('checks the DKIM domain and selector, and Gmail’s 5 to 15 character SenderId', () => {
    expect(withEmail({ dkim: { domain: 'news.example.org', selector: 'digest2025' } })().email.dkim).toEqual({
      domain: 'news.example.org',
      selector: 'digest2025',
    });
    expect(withEmail({ dkim: { domain: 'news example', selector: 'digest2025' } })).toThrow(
      'content/_data/site.json: email.dkim.domain: expected a domain name such as "dispatch.example.org"',
    );
    expect(withEmail({ dkim: { domain: 'news.example.org', selector: 'digest_2025' } })).toThrow(
      'email.dkim.selector: expected a DKIM selector such as "digest2025" (letters, digits, hyphens and dots)',
    );
    expect(withEmail({ feedbackId: { senderId: 'news' } })).toThrow(
      'content/_data/site.json: email.feedbackId.senderId: expected 5 to 15 letters, digits, ".", "_" or "-" (Gmail\'s SenderId)',
    );
    expect(withEmail({ feedbackId: { senderId: 'news:dispatch' } })).toThrow('email.feedbackId.senderId');
  });

  it('knows the merge tags of mailchimp, listmonk, kit, sendgrid, postmark, brevo and literal URLs, and nothing else', () => {
    for (const style of ['mailchimp', 'listmonk', 'kit', 'sendgrid', 'postmark', 'brevo', 'literal']) {
      expect(withEmail({ mergeTags: style })().email.mergeTags).toBe(style);
    }
    expect(withEmail({ mergeTags: 'mailjet' })).toThrow('email.mergeTags');
  });
});

describe('parseSite: the address and the locale', () => {
  const file = 'content/_data/site.json';
  const withFields = (fields: Record<string, unknown>) => () => parseSite({ ...site, url: 'https://news.example.org', ...fields }, file);

  it('refuses a trailing slash on url, which would double in every absolute link, and shows the fix', () => {
    expect(withFields({ url: 'https://news.example.org/' })).toThrow(
      'content/_data/site.json: url: remove the trailing slash: "https://news.example.org", not "https://news.example.org/"',
    );
    expect(withFields({ url: 'ftp://news.example.org' })).toThrow(
      'content/_data/site.json: url: expected the site\'s address such as "https://dispatch.example.org"',
    );
    expect(withFields({ url: 'https://news.example.org' })).not.toThrow();
  });

  it('refuses a locale the build has no words for, or one that is not a locale at all', () => {
    expect(withFields({ locale: 'fr-FR' })).toThrow(
      'content/_data/site.json: locale: the site: no message catalogue for locale "fr-FR": the languages are de, en, ko; ' +
        'a language is added with one file, src/i18n/messages/fr.yaml (see docs/formatting.md)',
    );
    expect(withFields({ locale: 'en US' })).toThrow('content/_data/site.json: locale: invalid locale "en US"');
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'ko-KR']) expect(withFields({ locale })).not.toThrow();
  });

  it('refuses a publisher address that is not a web address', () => {
    expect(withFields({ publisher: { name: 'The Dispatch', url: 'javascript:alert(1)' } })).toThrow(
      'content/_data/site.json: publisher.url: expected a web address starting https:// or http://',
    );
  });
});
