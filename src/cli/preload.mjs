// Loaded by `npm run build` before tsx registers its loader: the dependencies the build imports are
// plain JavaScript, and loading them here, natively, spares each of their hundreds of modules a trip
// through tsx's hooks (about a quarter of a second of start-up). Anything not listed still loads,
// through tsx, when first imported; the list only has to name what is worth loading early.
await Promise.all([
  import('@11ty/eleventy'),
  import('@11ty/eleventy-plugin-rss'),
  import('@css-inline/css-inline'),
  import('@jsx-email/doiuse-email'),
  import('gray-matter'),
  import('html-minifier-terser'),
  import('js-yaml'),
  import('luxon'),
  import('markdown-it'),
  import('nodemailer'),
  import('zod'),
]);
