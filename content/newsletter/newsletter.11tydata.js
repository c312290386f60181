// The pages the subscribe form and the subscription service send readers to; their URLs are site.json's
// subscribe.pages. Their words, titles and descriptions included, come from the message catalogue (newsletter.* in
// src/i18n/messages), so they are in the site's language; to say something else, write your own words in the pages
// and here.
export default {
  layout: 'page.njk',
  noindex: true,
  eleventyComputed: {
    // Not written at all when site.json has no subscribe block.
    permalink: (data) => data.site.subscribe?.pages?.[data.subscribePage] ?? false,
    title: (data) => data.words.t(`newsletter.${data.subscribePage}.title`),
    description: (data) => data.words.t(`newsletter.${data.subscribePage}.description`),
  },
};
