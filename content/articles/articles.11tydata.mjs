// Every article: its layout, and its URL /articles/<slug>/ (also for an article filed in a subfolder).
// The URL is a function rather than a template string, so Eleventy need not compile a Nunjucks
// template per article just to print its slug.
export default {
  layout: 'article.njk',
  permalink: (data) => `/articles/${data.page.fileSlug}/index.html`,
};
