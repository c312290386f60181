// The pages the subscribe form and the subscription service send readers to; their URLs are site.json's subscribe.pages.
export default {
  layout: 'page.njk',
  noindex: true,
  eleventyComputed: {
    // Not written at all when site.json has no subscribe block.
    permalink: (data) => data.site.subscribe?.pages?.[data.subscribePage] ?? false,
  },
};
