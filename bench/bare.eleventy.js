// Bare Eleventy: the floor the build benchmark measures against. It renders the same article Markdown
// (input: a generated tree's articles/) through one trivial layout, and nothing else: no facts, digests,
// site pages, filters or transforms. `fact` prints its id, so the articles' shortcodes render.
// Run: node node_modules/@11ty/eleventy/cmd.cjs --config=bench/bare.eleventy.js --input=<tree>/articles --output=<dir>

const layout = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
{{ content | safe }}
</body>
</html>
`;

/** @param {any} eleventyConfig Eleventy ships no types. */
export default function (eleventyConfig) {
  // No directory data: the tree's articles.11tydata.mjs names the full site's layout.
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.addTemplate('_includes/bare.njk', layout);
  eleventyConfig.addGlobalData('layout', 'bare.njk');
  eleventyConfig.addShortcode('fact', (/** @type {unknown} */ id) => String(id));
  return {
    templateFormats: ['md'],
    // The same engine the full site runs the articles' shortcodes through.
    markdownTemplateEngine: 'njk',
  };
}
