// Nunjucks filters: thin adapters from templates to the pure helpers in src/site and src/format.
import path from 'node:path';
import { rssPlugin } from '@11ty/eleventy-plugin-rss';
import { toIsoWithOffset } from '../format/dates.ts';
import type { ArticleView } from '../present/article.ts';
import { feedView } from '../site/feeds.ts';
import type { Publication } from '../site/publication.ts';
import { safeJson } from '../site/safe-json.ts';
import { sitemapEntries, sitemapPages } from '../site/sitemap.ts';
import { registerMeta } from './meta.ts';
import type { SiteSession } from './session.ts';
import type { CollectionItem, EleventyConfig } from './types.ts';

export function registerFilters(config: EleventyConfig, session: SiteSession): void {
  const publication = () => session.state().publication;
  // htmlToAbsoluteUrls makes every link in a feed entry's content absolute.
  config.addPlugin(rssPlugin);
  registerMeta(config, session);

  // An article's teaser is the same on every listing page that shows it (home, archive, each of its topics, all
  // in the site's language):
  // rendered once per build from templates/partials/teaser.njk, by Eleventy's own Nunjucks environment, and
  // kept with the article's view, which lasts as long as the build.
  let nunjucks: { render(name: string, context: Record<string, unknown>): string } | undefined;
  config.amendLibrary('njk', (environment: NonNullable<typeof nunjucks>) => {
    nunjucks = environment;
  });
  const teasers = new WeakMap<ArticleView, string>();
  config.addFilter('teaser', (item: ArticleView) => {
    let html = teasers.get(item);
    if (html === undefined) {
      if (!nunjucks) throw new Error('the teaser filter ran before Eleventy set up Nunjucks');
      teasers.set(item, (html = nunjucks.render('partials/teaser.njk', { item, site: publication().site, words: publication().words })));
    }
    return html;
  });

  /** A date as ISO 8601 with the site's UTC offset, for <time datetime>, feeds and the sitemap. */
  config.addFilter('isoDateTime', (date: Date) => toIsoWithOffset(date, publication().site.timeZone));
  /** JSON safe inside <script> and in files: `<` is printed as \u003c, so content cannot close the element. */
  config.addFilter('json', (value: unknown) => safeJson(value));
  config.addFilter('feed', (published: Publication) => feedView(published.articles, published.site, new Date()));
  // The site's other pages (about…) are the ones Eleventy collects (input paths relative to the working
  // directory); their `updated` dates come from the model.
  config.addFilter('sitemapEntries', (published: Publication, others: CollectionItem[]) => {
    const updated = new Map(published.model.pages.map((p) => [p.inputPath, p.updated?.toJSDate()]));
    const pages = others
      .filter((item) => item.url && item.data.noindex !== true)
      .map((item) => ({ url: item.url, updated: updated.get(path.resolve(item.inputPath)) }));
    return sitemapEntries(sitemapPages(published, pages), published.site);
  });
}
