import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTags, decodeAttribute } from '../../../src/email/html.ts';
import {
  assertEmailOk,
  EmailCheckError,
  emailSteps,
  runEmailPipeline,
  type EmailPipelineOptions,
  type EmailPipelineResult,
} from '../../../src/email/pipeline.ts';

const fixture = readFileSync(new URL('../../fixtures/email/digest.html', import.meta.url), 'utf8');
const options: EmailPipelineOptions = {
  baseUrl: 'https://dispatch.example.org',
  utm: { source: 'newsletter', medium: 'email', campaign: 'digest-2025-06-27' },
  mergeTags: ['*|UNSUB|*', '*|ARCHIVE|*'],
};
const UTM = 'utm_source=newsletter&utm_medium=email&utm_campaign=digest-2025-06-27';

const head = (html: string): string => html.slice(0, html.indexOf('</head>'));
const urls = (html: string, attribute: string): string[] =>
  [...startTags(html.replace(/<!--[\s\S]*?-->/g, ''))].flatMap((tag) =>
    tag.attributes.filter((a) => a.name === attribute).map((a) => decodeAttribute(a.raw)),
  );

describe('runEmailPipeline on the digest fixture', () => {
  let result: EmailPipelineResult;
  beforeAll(async () => {
    result = await runEmailPipeline(fixture, options);
  });

  it('passes every check, with no warnings', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.bytes).toBe(Buffer.byteLength(result.html, 'utf8'));
  });

  it('moves the component CSS into style attributes', () => {
    expect(result.html).toMatch(/<td\s+class="card"\s+bgcolor="#ffffff"\s+style="background-color:#ffffff;padding:24px;/);
    expect(result.html).toMatch(/<h1\s+class="title"\s+style="margin:0 0 16px;font-size:28px;/);
    expect(head(result.html)).not.toMatch(/\.lede\s*\{\s*margin/);
    expect(head(result.html)).not.toMatch(/\.card\s*\{\s*background-color:\s*#ffffff/);
    expect(head(result.html)).not.toContain('data-embed');
  });

  it('keeps the phone and dark-mode media queries and :root colour scheme in <head>', () => {
    expect(head(result.html)).toContain('@media only screen and (max-width: 620px){');
    expect(head(result.html)).toContain('@media (prefers-color-scheme: dark){');
    expect(head(result.html)).toContain(':root{color-scheme: light dark;supported-color-schemes: light dark;}');
    expect(head(result.html)).toContain('<meta name="color-scheme" content="light dark">');
  });

  it('keeps the MSO ghost tables and Outlook head block', () => {
    const count = (html: string, part: string): number => html.split(part).length - 1;
    expect(count(result.html, '<!--[if mso]>')).toBe(count(fixture, '<!--[if mso]>'));
    expect(count(result.html, '<![endif]-->')).toBe(count(fixture, '<![endif]-->'));
    expect(result.html).toContain('<o:PixelsPerInch>96</o:PixelsPerInch>');
    expect(result.html).not.toContain('<!-- Preview text');
  });

  it("makes every link absolute, with UTM parameters on the site's own links only", () => {
    const links = urls(result.html, 'href').filter((href) => href.startsWith('http'));
    const own = links.filter((href) => new URL(href).host === 'dispatch.example.org');
    expect(own.length).toBeGreaterThanOrEqual(8);
    for (const href of own) expect(new URL(href).search).toContain(UTM);
    expect(own).toContain(`https://dispatch.example.org/facts/shelters/?week=2025-26&${UTM}#latest`);
    expect(own).toContain(`https://dispatch.example.org/articles/shelters-in-the-north/?${UTM}`);
    expect(links).toContain('https://relief.example.net/convoys?region=north&week=26');
    for (const src of urls(result.html, 'src')) expect(src).toMatch(/^https:\/\/dispatch\.example\.org\/images\/[^?]+$/);
  });

  it('leaves the merge tags and mailto link exactly as written', () => {
    expect(result.html.split('href="*|ARCHIVE|*"')).toHaveLength(3);
    expect(result.html.split('href="*|UNSUB|*"')).toHaveLength(2);
    expect(result.html).toContain('href="mailto:newsroom@dispatch.example.org?subject=Weekly%20digest"');
  });

  it('writes colours with six digits and keeps lines within 998 bytes', () => {
    expect(result.html).not.toMatch(/(?<![&\w])#[\da-f]{3}(?![\w-])/i);
    expect(result.html).toContain('border-color: #444444 !important');
    expect(Math.max(...result.html.split('\n').map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(998);
  });

  it('keeps what the template needs for accessibility', () => {
    expect(result.html).toMatch(/<html\s+lang="en"\s+dir="ltr"/);
    expect(result.html).toMatch(/<div\s+class="page"\s+role="article"\s+aria-roledescription="email"\s+aria-label="[^"]+"\s+lang="en"/);
    expect(result.html).toMatch(/<th\s+scope="col"/);
  });
});

describe('runEmailPipeline options', () => {
  it('runs the steps in the documented order', () => {
    expect(Object.keys(emailSteps)).toEqual(['purgeCss', 'inlineCss', 'absoluteUrls', 'sixDigitHex', 'minify']);
  });

  it('switches a step off by name, and still runs the checks', async () => {
    const readable = await runEmailPipeline(fixture, { ...options, steps: { minify: false } });
    expect(readable.html).toContain('\n            <h1 class="title"');
    expect(readable.errors).toEqual([]);

    const relative = await runEmailPipeline(fixture, { ...options, steps: { absoluteUrls: false } });
    expect(
      relative.errors.some((issue) => issue.check === 'forbidden' && issue.message.includes('href="/articles/shelters-in-the-north/"')),
    ).toBe(true);
  });

  it('adds no UTM parameters when utm is false', async () => {
    const { html, errors } = await runEmailPipeline(fixture, { ...options, utm: false });
    expect(errors).toEqual([]);
    expect(html).not.toContain('utm_');
    expect(html).toContain('href="https://dispatch.example.org/articles/counting-the-convoys/"');
  });

  it('keeps listmonk merge tags too', async () => {
    const listmonk = fixture.replaceAll('*|UNSUB|*', '{{ UnsubscribeURL }}').replaceAll('*|ARCHIVE|*', '{{ MessageURL }}');
    const { html, errors } = await runEmailPipeline(listmonk, {
      ...options,
      mergeTags: ['{{ UnsubscribeURL }}', '{{ MessageURL }}'],
    });
    expect(errors).toEqual([]);
    expect(html).toContain('href="{{ UnsubscribeURL }}"');
    expect(html).toContain('href="{{ MessageURL }}"');
  });

  it('reports an undeclared merge tag instead of mangling it', async () => {
    const { html, errors } = await runEmailPipeline(fixture, { ...options, mergeTags: ['*|ARCHIVE|*'] });
    expect(html).toContain('href="*|UNSUB|*"');
    expect(errors.map((issue) => issue.message)).toContainEqual(expect.stringContaining('<a href="*|UNSUB|*">: looks like a merge tag'));
  });
});

describe('assertEmailOk', () => {
  const clean: EmailPipelineResult = { html: '', errors: [], warnings: [{ check: 'size', message: 'w' }], bytes: 0 };

  it('accepts a result without errors, warnings or not', () => {
    expect(() => assertEmailOk(clean, 'content/digests/2025-06-27.md')).not.toThrow();
  });

  it('throws an EmailCheckError listing every error, each prefixed with the file', async () => {
    const broken = fixture.replace('</body>', '<svg></svg><img src="https://dispatch.example.org/x.png"></body>');
    const result = await runEmailPipeline(broken, options);
    let thrown: unknown;
    try {
      assertEmailOk(result, 'content/digests/2025-06-27.md');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EmailCheckError);
    const error = thrown as EmailCheckError;
    expect(error.issues).toEqual(result.errors);
    expect(error.message.split('\n')).toEqual(result.errors.map((issue) => `content/digests/2025-06-27.md: ${issue.message}`));
    expect(error.message).toContain('content/digests/2025-06-27.md: <svg> found');
    expect(error.message).toContain('content/digests/2025-06-27.md: <img src="https://dispatch.example.org/x.png"> has no alt attribute');
  });
});
