// Eleventy options with no configuration API, which it takes only from a configuration file: Markdown and
// HTML pages are Nunjucks templates. `npm run build` and `npm start` pass this file as their configuration
// file and configure the rest programmatically (src/build/site.ts); .eleventy.js uses it too.
export const config = { markdownTemplateEngine: 'njk', htmlTemplateEngine: 'njk' };

export default function () {}
