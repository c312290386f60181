// The pictures one build publishes: each article's lead picture (or, without one, its social card) and each
// digest's card, written into the build's output before any page is rendered, then looked up by the pages.
import type { Site } from '../content/site.ts';
import type { DigestView } from '../digest/view.ts';
import type { PictureBuildMemo, PictureCounts } from '../images/picture-build-memo.ts';
import type { SocialCard } from '../images/social-card.ts';
import { pictureView, shareImage, type PictureView, type ShareImage } from '../images/view.ts';
import type { ArticleView } from '../present/article.ts';
import { ContentError } from '../shared/errors.ts';
import { displayPath } from '../shared/paths.ts';
import type { FigureView } from '../present/figures.ts';

export interface ArticlePictures {
  /** The lead picture; undefined for an article without one. */
  picture: PictureView | undefined;
  /** What a shared link shows (og:image, JSON-LD): the lead picture's 1,200 px JPEG, else the article's card. */
  share: ShareImage;
}

interface MadeFrom {
  outputDir: string;
  articles: ReadonlyMap<string, ArticleView>;
  digests: ReadonlyMap<string, DigestView>;
}

/** What a build published, by article and digest slug. */
export class PublishedPictures {
  constructor(
    private readonly articles: ReadonlyMap<string, ArticlePictures>,
    private readonly digests: ReadonlyMap<string, ShareImage>,
    /** Pictures encoded and cards drawn by this build, and those taken from the cache. */
    readonly counts: Readonly<PictureCounts>,
    /** The views they were made from and the folder they were written into, so a next build can keep them. */
    private readonly made: MadeFrom = { outputDir: '', articles: new Map(), digests: new Map() },
  ) {}

  /**
   * What this build published for an article, when a next build into the same folder shows the same view (the
   * dev server's rebuilds keep the views of what did not change): its files are in place already.
   */
  keptArticle(view: ArticleView, outputDir: string): ArticlePictures | undefined {
    return this.made.outputDir === outputDir && this.made.articles.get(view.slug) === view ? this.articles.get(view.slug) : undefined;
  }

  /** The same for a digest's card. */
  keptDigest(view: DigestView, outputDir: string): ShareImage | undefined {
    return this.made.outputDir === outputDir && this.made.digests.get(view.slug) === view ? this.digests.get(view.slug) : undefined;
  }

  article(slug: string): ArticlePictures {
    const found = this.articles.get(slug);
    if (!found) throw new Error(`article "${slug}" has no pictures in this build: it is not one the build publishes`);
    return found;
  }

  digest(slug: string): ShareImage {
    const found = this.digests.get(slug);
    if (!found) throw new Error(`digest "${slug}" has no social card in this build: it is not one the build publishes`);
    return found;
  }
}

const lineOf = (article: ArticleView) => {
  const line = article.entry.lineOf(['image', 'src']);
  return line === undefined ? '' : `line ${line}: `;
};

const cardFigure = (figure: FigureView | undefined): Pick<SocialCard, 'figure'> =>
  figure ? { figure: { value: figure.value, label: figure.label, attribution: figure.attribution } } : {};

/** An article's card: its headline, section and first key figure, as the article page prints them. */
export function articleCard(article: ArticleView, site: Site): SocialCard {
  return {
    title: article.title,
    section: article.section,
    ...cardFigure(article.leadFigure),
    siteName: site.title,
    language: site.language,
  };
}

/** A digest's card: its subject under its date, with the first key figure of the articles it carries. */
export function digestCard(digest: DigestView, site: Site): SocialCard {
  return {
    title: digest.subject,
    section: digest.dateline,
    ...cardFigure(digest.articles.flatMap((article) => article.keyFigures)[0]),
    siteName: site.title,
    language: site.language,
  };
}

/** Every task's result once all have finished (none is left writing into a folder the caller then removes). */
async function allSettled<T>(tasks: ReadonlyArray<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(tasks);
  const failed = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
  if (failed.length === 1) throw failed[0]!;
  if (failed.length) throw new ContentError(failed.map((error) => error.message));
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

/**
 * Encodes (or takes from the cache) every lead picture of `articles` and draws every card the build needs,
 * through the build's memo, which writes them into the build's output. A picture that cannot be encoded
 * stops the build, naming the article and its file, once every other picture is written.
 */
export async function publishPictures(
  articles: readonly ArticleView[],
  digests: readonly DigestView[],
  site: Site,
  memo: PictureBuildMemo,
  earlier?: PublishedPictures,
): Promise<PublishedPictures> {
  const articlePictures = articles.map(async (article): Promise<[string, ArticlePictures]> => {
    const kept = earlier?.keptArticle(article, memo.outputDir);
    if (kept) return [article.slug, kept];
    const image = article.entry.image;
    if (!image) {
      const card = await memo.socialCard(articleCard(article, site));
      return [article.slug, { picture: undefined, share: shareImage(card, article.title, site.url) }];
    }
    let picture;
    try {
      picture = await memo.leadPicture(image.file);
    } catch (error) {
      // eslint-disable-next-line preserve-caught-error -- the build reports the innermost error of a chain, and this one names the article
      throw new Error(
        `${article.entry.file}: ${lineOf(article)}image.src: ${displayPath(image.file)} could not be made into the site's pictures: ${(error as Error).message.trim()}`,
      );
    }
    const view = pictureView(picture, image, site.url);
    return [article.slug, { picture: view, share: view.share }];
  });
  const digestCards = digests.map(async (digest): Promise<[string, ShareImage]> => [
    digest.slug,
    earlier?.keptDigest(digest, memo.outputDir) ?? shareImage(await memo.socialCard(digestCard(digest, site)), digest.subject, site.url),
  ]);
  const groups = [allSettled(articlePictures), allSettled(digestCards)] as const;
  // Both groups finish before either's failure stops the build, so no card is still being written then.
  await Promise.allSettled(groups);
  const [published, cards] = await Promise.all(groups);
  return new PublishedPictures(new Map(published), new Map(cards), memo.counts, {
    outputDir: memo.outputDir,
    articles: new Map(articles.map((article) => [article.slug, article])),
    digests: new Map(digests.map((digest) => [digest.slug, digest])),
  });
}
