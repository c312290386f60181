// Every article: its layout, and its URL /articles/<slug>/ (also for an article filed in a subfolder).
// The URL is a function rather than a template string, so Eleventy need not compile a Nunjucks
// template per article just to print its slug.
// Articles are Markdown, not Nunjucks templates: their only tags are `{% fact "id" %}` (and `{# notes #}`),
// which the build prints itself (src/eleventy/article-facts.ts) without compiling each article.
export default {
  layout: 'article.njk',
  templateEngineOverride: 'md',
  permalink: (data) => `/articles/${data.page.fileSlug}/index.html`,
};
