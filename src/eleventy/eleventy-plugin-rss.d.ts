// The part of @11ty/eleventy-plugin-rss this project uses; the package ships no TypeScript types.
declare module '@11ty/eleventy-plugin-rss' {
  /** Adds the Nunjucks filters htmlToAbsoluteUrls, absoluteUrl, dateToRfc3339 and friends. */
  export function rssPlugin(eleventyConfig: unknown, options?: Record<string, unknown>): void;
}
