// digest.json: what `npm run send` reads about a built digest besides its two parts.
import type { DigestView } from './view.ts';

export function digestJson(view: DigestView): string {
  return JSON.stringify(
    {
      slug: view.slug,
      subject: view.subject,
      preheader: view.preheader,
      date: view.isoDate,
      from: view.from,
      replyTo: view.replyTo,
      listId: view.listId,
      webUrl: view.webUrl,
      unsubscribe: view.unsubscribe,
      mergeTags: view.mergeTags,
      postalAddress: view.postalAddress,
      feedbackId: view.feedbackId,
      articles: view.articles.map((a) => a.url),
      emailArticles: view.email.articles.length,
    },
    null,
    2,
  );
}
