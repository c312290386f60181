// The first digest, built for real: its .eml parsed with mailparser, its parts compared with the article page.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEAD_FIGURES } from '../../src/digest/view.ts';
import {
  buildInto,
  copyContent,
  listFiles,
  load,
  read,
  realContentDir,
  replaceIn,
  seedSlug,
  tempDir,
  writeArticle,
} from '../helpers/site.ts';

const digestDir = 'digests/2025-06-27';
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const seedFigures = ['11,000', '4,000', '6,000', 'around 600', '21,000'];

function headerText(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
  return line ? line.line.slice(line.line.indexOf(':') + 1).trim() : '';
}

describe('the first digest', () => {
  let out: string;
  let mail: ParsedMail;
  let emailHtml: string;
  let emailText: string;
  beforeAll(async () => {
    out = await buildInto(realContentDir);
    emailHtml = read(out, `${digestDir}/email.html`);
    emailText = read(out, `${digestDir}/email.txt`);
    mail = await simpleParser(fs.readFileSync(path.join(out, digestDir, 'message.eml')));
  });

  it('writes the web version, email HTML, plain text, .eml and digest.json', () => {
    for (const file of ['index.html', 'email.html', 'email.txt', 'message.eml', 'digest.json']) {
      expect(fs.existsSync(path.join(out, digestDir, file)), file).toBe(true);
    }
  });

  it('is a multipart/alternative UTF-8 message with text and HTML parts', () => {
    const raw = read(out, `${digestDir}/message.eml`);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
    expect(raw).toMatch(/^Content-Type: text\/html; charset=utf-8/m);
    expect(mail.text?.trim()).toBe(emailText.trim());
    expect(typeof mail.html === 'string' && mail.html.trim()).toBe(emailHtml.trim());
  });

  it('ends every line of the .eml in CRLF, as RFC 5322 requires', () => {
    const raw = read(out, `${digestDir}/message.eml`);
    expect(raw.match(/(?<!\r)\n/g) ?? []).toEqual([]);
    expect(raw.split('\r\n').every((line) => Buffer.byteLength(line) <= 998)).toBe(true);
  });

  it('is written byte for byte the same by a rebuild, as is every other file', async () => {
    const again = await buildInto(realContentDir);
    const files = listFiles(out);
    expect(listFiles(again)).toEqual(files);
    const differing = files.filter((file) => !fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(again, file))));
    expect(differing).toEqual([]);
    expect(files).toContain(`${digestDir}/message.eml`);
  });

  it('carries the headers a mailbox provider expects', () => {
    expect(mail.subject).toBe('North Korea to Deploy More Troops to Support Russia in Ukraine War');
    expect(mail.from?.value).toEqual([{ name: 'The Korea Dispatch', address: 'digest@dispatch.example.org' }]);
    expect(mail.date?.toISOString()).toBe('2025-06-26T22:00:00.000Z');
    expect(mail.messageId).toBe('<digest-2025-06-27@dispatch.example.org>');
    expect(headerText(mail, 'List-Unsubscribe')).toBe(
      '<https://dispatch.example.org/unsubscribe>, <mailto:unsubscribe@dispatch.example.org?subject=unsubscribe>',
    );
    expect(headerText(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerText(mail, 'List-Id')).toBe('<digest.dispatch.example.org>');
    // A template for the sending service: recipients it fills in, an identifier for Gmail's feedback loop.
    expect(headerText(mail, 'To')).toBe('"undisclosed-recipients":;');
    expect(headerText(mail, 'Feedback-ID')).toBe('digest-2025-06-27:kdispatch');
  });

  it('offers the same ways out and the same postal address in the HTML and the plain text', () => {
    const $ = cheerio.load(emailHtml);
    const footer = $('.footer');
    const linkTo = (text: string) =>
      footer
        .find('a')
        .filter((_, a) => $(a).text() === text)
        .attr('href');
    const address = '1 Example-ro, Jung-gu, Seoul 04524, Republic of Korea';
    expect(normalise(footer.text())).toContain(`The Korea Dispatch · ${address}`);
    expect(normalise(emailText)).toContain(`The Korea Dispatch · ${address}`);
    expect(linkTo('Unsubscribe')).toBe('*|UNSUB|*');
    expect(emailText).toContain('Unsubscribe: *|UNSUB|*');
    expect(linkTo('Unsubscribe by email')).toBe('mailto:unsubscribe@dispatch.example.org?subject=unsubscribe');
    expect(emailText).toContain('Unsubscribe by email: unsubscribe@dispatch.example.org (subject: unsubscribe)');
    expect(linkTo('View in browser')).toBe('*|ARCHIVE|*');
    expect(emailText).toContain('View this email in your browser: *|ARCHIVE|*');
    const utm = '?utm_source=newsletter&utm_medium=email&utm_campaign=digest-2025-06-27';
    expect(linkTo('Past issues')).toBe(`https://dispatch.example.org/digests/${utm}`);
    expect(emailText).toContain(`Past issues: https://dispatch.example.org/digests/${utm}`);
    expect(linkTo('dispatch.example.org')).toBe(`https://dispatch.example.org/${utm}`);
    expect(emailText).toContain(`The Korea Dispatch: https://dispatch.example.org/${utm}`);
  });

  it('shows the seed article’s lead key figures identically in the email HTML and the text, as on the article page', () => {
    const $email = cheerio.load(emailHtml);
    const inEmail = $email('.figures strong')
      .map((_, value) => normalise($email(value).text()))
      .get();
    const inText = [...emailText.matchAll(/^\* (.+?): /gm)].map((m) => m[1]);
    const $article = load(out, `articles/${seedSlug}/index.html`);
    const onPage = $article('.key-figure__value')
      .map((_, el) => normalise($article(el).text()))
      .get();
    expect(onPage).toEqual(seedFigures);
    // The email shows the first LEAD_FIGURES of them, the same in both parts, and says where the rest are.
    expect(inEmail).toEqual(seedFigures.slice(0, LEAD_FIGURES));
    expect(inEmail.length).toBeGreaterThan(0);
    expect(inText).toEqual(inEmail);
    // The headline is the link to the article; the link to the figures the email leaves out goes to the
    // article page's list of them, and names the article.
    const title = 'North Korea to Deploy More Troops to Support Russia in Ukraine War';
    const articleUrl = `https://dispatch.example.org/articles/${seedSlug}/`;
    const links = $email('.teaser a')
      .map((_, a) => ({ text: $email(a).text(), href: $email(a).attr('href') ?? '' }))
      .get();
    expect(links.map((link) => link.text)).toEqual([title, `All five key figures: ${title}`]);
    expect(links.map((link) => link.href.replace(/\?[^#]*/, ''))).toEqual([articleUrl, `${articleUrl}#key-figures-title`]);
    expect($article('#key-figures-title').text()).toBe('Key figures');
    expect($email('.figures h3').text()).toBe('Key figures');
    expect(emailText).toContain(`1. ${title}\n[1]\n`);
    expect(emailText).toContain('All five key figures: [2]');
    expect(emailText).toMatch(
      /^\[2\] https:\/\/dispatch\.example\.org\/articles\/north-korea-more-troops-russia\/\?utm_[^#\s]+#key-figures-title$/m,
    );
    // Labels and attributions travel with the values.
    expect(emailText).toContain(
      '* 11,000: North Korean personnel in the initial dispatch\n    Reported: a South Korean legislator, October\u00a02024 (“October last\n    year” in the text)',
    );
    const first = $email('.figures p').filter((_, p) => $email(p).find('strong').text() === '11,000');
    expect(first.contents().first().text()).toBe('North Korean personnel in the initial dispatch: ');
    expect(normalise(first.find('small').text())).toBe(
      'Reported: a South Korean legislator, October 2024 (“October last year” in the text)',
    );
  });

  it('makes every URL absolute and tags links to the site with UTM parameters', () => {
    const $ = cheerio.load(emailHtml);
    const urls = $('[href], [src]')
      .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
      .get();
    expect(urls.length).toBeGreaterThan(4);
    for (const url of urls) expect(url, url).toMatch(/^(https:\/\/|mailto:|\*\|(UNSUB|ARCHIVE)\|\*$)/);
    const own = urls.filter((u) => u.startsWith('https://dispatch.example.org/'));
    for (const url of own) expect(new URL(url).searchParams.get('utm_campaign'), url).toBe('digest-2025-06-27');
    expect(emailText).toContain(
      '[1] https://dispatch.example.org/articles/north-korea-more-troops-russia/?utm_source=newsletter&utm_medium=email&utm_campaign=digest-2025-06-27',
    );
  });

  it('is built for email clients: inlined CSS, tables, MSO ghost tables, preheader, dark mode, no script/form/svg', () => {
    const $ = cheerio.load(emailHtml);
    expect($('html').attr('lang')).toBe('en');
    expect($('[role="article"]').attr('aria-roledescription')).toBe('email');
    expect($('meta[name="color-scheme"]').attr('content')).toBe('light dark');
    expect(emailHtml).toContain('<!--[if mso]>');
    expect(emailHtml).toMatch(/<table role="presentation" align="center" width="600"/);
    expect(
      normalise(
        $('.preheader')
          .first()
          .text()
          .replace(/[\u034f\u200c]/g, ''),
      ),
    ).toBe(
      'Reports indicate that North Korea is preparing to send additional troops to assist Russia in its ongoing conflict in Ukraine, possibly as early as July.',
    );
    expect($('.card').attr('style')).toContain('background-color:#ffffff');
    const headCss = $('head style')
      .map((_, s) => $(s).text())
      .get()
      .join('\n');
    expect(headCss).toContain('@media (prefers-color-scheme: dark)');
    expect(headCss).not.toMatch(/^\s*\.card\s*\{/m); // plain rules were inlined, not kept
    expect($('script, form, input, svg, iframe, link[rel="stylesheet"]').length).toBe(0);
    $('img').each((_, img) => expect($(img).attr('alt')).toBeDefined());
    expect(emailHtml).toMatch(/\*\|UNSUB\|\*/);
  });

  it('stays under Gmail’s clipping size and RFC 5322’s line length', () => {
    expect(Buffer.byteLength(emailHtml)).toBeLessThan(80 * 1024);
    for (const file of ['email.html', 'email.txt', 'message.eml']) {
      const longest = Math.max(
        ...read(out, `${digestDir}/${file}`)
          .split(/\r?\n/)
          .map((l) => l.length),
      );
      expect(longest, file).toBeLessThanOrEqual(998);
    }
  });

  it('has a web version without merge tags, linked from the digest archive', () => {
    const web = read(out, `${digestDir}/index.html`);
    expect(web).not.toMatch(/\*\|[A-Z]+\|\*/);
    const $ = cheerio.load(web);
    expect($('h1').text()).toBe('North Korea to Deploy More Troops to Support Russia in Ukraine War');
    expect($(`a[href="/articles/${seedSlug}/"]`).length).toBeGreaterThan(0);
    const archive = load(out, 'digests/index.html');
    expect(archive('a[href="/digests/2025-06-27/"]').length).toBe(1);
  });

  it('describes itself for the send command in digest.json', () => {
    const json = JSON.parse(read(out, `${digestDir}/digest.json`)) as Record<string, unknown>;
    expect(json).toMatchObject({
      slug: '2025-06-27',
      subject: 'North Korea to Deploy More Troops to Support Russia in Ukraine War',
      webUrl: 'https://dispatch.example.org/digests/2025-06-27/',
      mergeTags: { unsubscribe: '*|UNSUB|*', viewInBrowser: '*|ARCHIVE|*' },
      unsubscribe: { url: 'https://dispatch.example.org/unsubscribe', mailto: 'unsubscribe@dispatch.example.org' },
    });
  });
});

describe('figure words that look like markup', () => {
  it('are escaped in the email HTML and printed as written in the plain text', async () => {
    const content = copyContent((dir) => {
      const facts = path.join(dir, 'facts', `${seedSlug}.yaml`);
      // The first lead figure, approximate, with a qualifier an editor typed.
      replaceIn(
        facts,
        'label: North Korean personnel in the initial dispatch\n    value: 11000',
        'label: North Korean personnel in the initial dispatch\n    value: { approximately: 11000, qualifier: "<i>around</i> &" }',
      );
    });
    const out = await buildInto(content);
    const html = read(out, `${digestDir}/email.html`);
    expect(html).toContain('&lt;i&gt;around&lt;/i&gt;&nbsp;&amp;&nbsp;11,000');
    expect(html).not.toContain('<i>around');
    // The figure holds together with no-break spaces, the editor's qualifier included.
    expect(read(out, `${digestDir}/email.txt`)).toContain('<i>around</i>\u00a0&\u00a011,000');
    expect(read(out, `articles/${seedSlug}/index.html`)).not.toContain('<i>around');
  });
});

describe('merge tags for other email services', () => {
  const withMergeTags = (style: string) =>
    copyContent((dir) => {
      const file = path.join(dir, '_data', 'site.json');
      const site = JSON.parse(fs.readFileSync(file, 'utf8')) as { email: { mergeTags: string } };
      site.email.mergeTags = style;
      fs.writeFileSync(file, JSON.stringify(site));
    });

  it('writes listmonk tags untouched by URL rewriting', async () => {
    const out = await buildInto(withMergeTags('listmonk'));
    const html = read(out, `${digestDir}/email.html`);
    expect(html).toContain('href="{{ UnsubscribeURL }}"');
    expect(html).toContain('href="{{ MessageURL }}"');
    expect(read(out, `${digestDir}/email.txt`)).toContain('Unsubscribe: {{ UnsubscribeURL }}');
  });

  it.each([
    ['kit', '{{ unsubscribe_url }}'],
    ['sendgrid', '<%asm_global_unsubscribe_raw_url%>'],
    ['postmark', '{{{ pm:unsubscribe }}}'],
    ['brevo', '{{ unsubscribe }}'],
  ])('writes %s’s unsubscribe tag as its documentation gives it, and links the web version for view in browser', async (style, tag) => {
    const out = await buildInto(withMergeTags(style));
    const $ = cheerio.load(read(out, `${digestDir}/email.html`));
    const linkTo = (text: string) =>
      $('a')
        .filter((_, a) => $(a).text() === text)
        .attr('href');
    expect(linkTo('Unsubscribe')).toBe(tag);
    expect(linkTo('View in browser')).toBe('https://dispatch.example.org/digests/2025-06-27/');
    const text = read(out, `${digestDir}/email.txt`);
    expect(text).toContain(`Unsubscribe: ${tag}`);
    const json = JSON.parse(read(out, `${digestDir}/digest.json`)) as { mergeTags: { unsubscribe: string } };
    expect(json.mergeTags.unsubscribe).toBe(tag);
  });

  it('writes literal URLs when the service fills nothing in', async () => {
    const out = await buildInto(withMergeTags('literal'));
    const $ = cheerio.load(read(out, `${digestDir}/email.html`));
    expect(
      $('a')
        .filter((_, a) => $(a).text() === 'Unsubscribe')
        .attr('href'),
    ).toBe('https://dispatch.example.org/unsubscribe');
    expect(
      $('a')
        .filter((_, a) => $(a).text() === 'View in browser')
        .attr('href'),
    ).toBe('https://dispatch.example.org/digests/2025-06-27/');
  });
});

describe('selecting articles', () => {
  it('selects by tag and date range, newest first', async () => {
    const content = copyContent((dir) => {
      writeArticle(dir, 'older', { date: '"2025-06-10T09:00:00+09:00"', tags: '[North Korea]', title: '"Older"' });
      writeArticle(dir, 'other-topic', { date: '"2025-06-22T09:00:00+09:00"', tags: '[Japan]', title: '"Other topic"' });
      fs.writeFileSync(
        path.join(dir, 'digests', '2025-06-28.md'),
        '---\nsubject: Weekly\npreheader: The week\ndate: "2025-06-28T07:00:00+09:00"\nintro: This week.\nselect:\n  tag: North Korea\n  from: 2025-06-01\n  to: 2025-06-27\n---\n',
      );
      // An issue whose articles have no facts: no figures table, and its unused CSS must not trip the checks.
      fs.writeFileSync(
        path.join(dir, 'digests', '2025-06-29.md'),
        '---\nsubject: Japan\npreheader: Japan this week\ndate: "2025-06-29T07:00:00+09:00"\nintro: Japan.\nselect:\n  tag: Japan\n---\n',
      );
    });
    const out = await buildInto(content);
    const json = JSON.parse(read(out, 'digests/2025-06-28/digest.json')) as { articles: string[] };
    expect(json.articles).toEqual([`https://dispatch.example.org/articles/${seedSlug}/`, 'https://dispatch.example.org/articles/older/']);
    const japan = read(out, 'digests/2025-06-29/email.html');
    expect(japan).toContain('Other topic');
    expect(japan).not.toContain('.figures{'); // the figures table's rules were purged, not left in <head>
  });
});

describe('bad digests', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(realContentDir, path.join(tempDir(), '_site'));
    fs.writeFileSync(path.join(out, 'marker.txt'), 'earlier build');
  });
  const digestFile = (dir: string) => path.join(dir, 'digests', '2025-06-27.md');
  const edit = (dir: string, from: string | RegExp, to: string) => {
    const file = digestFile(dir);
    const source = fs.readFileSync(file, 'utf8');
    const next = source.replace(from, to);
    if (next === source) throw new Error(`test setup: ${String(from)} not found`);
    fs.writeFileSync(file, next);
  };

  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    [
      'an article that does not exist',
      (dir) => edit(dir, `  - ${seedSlug}`, '  - no-such-article'),
      /digests\/2025-06-27\.md: articles: "no-such-article" is not an article \(expected a file \/.*\/content\/articles\/no-such-article\.md\)/,
    ],
    [
      'an empty selection',
      (dir) => edit(dir, `articles:\n  - ${seedSlug}`, 'select:\n  tag: Antarctica'),
      /digests\/2025-06-27\.md: select: no article matches \{"tag":"Antarctica"\}/,
    ],
    [
      'an empty article list',
      (dir) => edit(dir, `articles:\n  - ${seedSlug}`, 'articles: []'),
      /digests\/2025-06-27\.md: articles: the list is empty/,
    ],
    [
      'a subject with a line break',
      (dir) => edit(dir, /^subject: .*$/m, 'subject: "Hello\\r\\nBcc: everyone@example.org"'),
      /digests\/2025-06-27\.md: line \d+: subject: must be a single line \(found a line break\)/,
    ],
    [
      'a sender with a line break',
      (dir) => edit(dir, /^intro:/m, 'from:\n  name: "Desk\\nBcc: x@example.org"\n  address: desk@example.org\nintro:'),
      /digests\/2025-06-27\.md: line \d+: from\.name: must be a single line \(found a line break\)/,
    ],
    [
      'a sender address that is not one',
      (dir) => edit(dir, /^intro:/m, 'from:\n  address: "desk@example.org, other@example.org"\nintro:'),
      /digests\/2025-06-27\.md: line \d+: from\.address: expected an email address/,
    ],
  ];
  for (const [name, change, message] of cases) {
    it(`fails on ${name}, naming the file and field, keeping the earlier site`, async () => {
      await expect(buildInto(copyContent(change), out)).rejects.toThrow(message);
      expect(fs.readFileSync(path.join(out, 'marker.txt'), 'utf8')).toBe('earlier build');
    });
  }

  it('cuts an email over its size budget down to the articles that fit, in both parts, and keeps them all on the web', async () => {
    const content = copyContent((dir) => {
      const long = 'A summary long enough to make the email heavy. '.repeat(12);
      for (let i = 0; i < 90; i += 1) {
        writeArticle(dir, `bulk-${String(i).padStart(2, '0')}`, {
          date: `"2025-06-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00+09:00"`,
          tags: '[Bulk]',
          summary: JSON.stringify(long),
          title: `"Bulk article ${i}"`,
        });
      }
      fs.writeFileSync(
        path.join(dir, 'digests', '2025-06-30.md'),
        '---\nsubject: Everything\npreheader: All of it\ndate: "2025-06-30T07:00:00+09:00"\nintro: All.\nselect:\n  tag: Bulk\n---\n',
      );
    });
    const built = await buildInto(content);
    const html = read(built, 'digests/2025-06-30/email.html');
    const text = read(built, 'digests/2025-06-30/email.txt');
    const $ = cheerio.load(html);
    const shown = $('.teaser h2').length;
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(90 * 1024);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(90);
    const more = $('a').filter((_, a) => $(a).text() === `And ${90 - shown} more stories on the web`);
    expect(more).toHaveLength(1);
    expect(more.attr('href')).toMatch(/^https:\/\/dispatch\.example\.org\/digests\/2025-06-30\/\?utm_source=/);
    expect(text.match(/^\d+\. Bulk article/gm)).toHaveLength(shown);
    expect(text).toMatch(new RegExp(`^And ${90 - shown} more stories on the web: \\[\\d+\\]$`, 'm'));
    // The web version and digest.json keep every article.
    expect(load(built, 'digests/2025-06-30/index.html')('.teasers > li')).toHaveLength(90);
    const json = JSON.parse(read(built, 'digests/2025-06-30/digest.json')) as { articles: string[]; emailArticles: number };
    expect(json.articles).toHaveLength(90);
    expect(json.emailArticles).toBe(shown);
  });
});
