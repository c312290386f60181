// Lead pictures in the content check: every problem with an article's `image` names the article's file, the
// line and the field; the model carries the checked picture; a picture no article names is reported.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/check/check.ts';
import { readContent } from '../../../src/content/model.ts';
import { displayPath } from '../../../src/shared/paths.ts';
import { copyContent, tempDir, writeArticle } from '../../helpers/site.ts';
import { testImage } from '../images/test-images.ts';

let photo: Buffer;
let narrow: Buffer;

beforeAll(async () => {
  photo = await testImage(2000, 1333);
  narrow = await testImage(1200, 800);
});

/** A copy of the content with `troops.jpg` beside the articles and one article `pictured` whose front matter has `image`. */
function treeWith(image: string, edit?: (dir: string) => void): { dir: string; article: string; errors: string[] } {
  let article = '';
  const dir = copyContent((d) => {
    fs.writeFileSync(path.join(d, 'articles', 'troops.jpg'), photo);
    edit?.(d);
    article = writeArticle(d, 'pictured', { image });
  });
  return { dir, article: displayPath(article), errors: checkContent(dir, { numerals: false }).errors };
}

// writeArticle writes title, summary, date and section on lines 2–5, so `image:` is on line 6.
const block = (fields: Record<string, string>) =>
  `\n${Object.entries(fields)
    .map(([key, value]) => `  ${key}: ${value}`)
    .join('\n')}`;
const valid = { src: 'troops.jpg', alt: 'Soldiers board a train', credit: 'Kim Hong-ji/Reuters' };

describe('an article with a lead picture', () => {
  it('passes the check, and the model holds the picture measured, its texts from the front matter', () => {
    const { dir, errors } = treeWith(block({ ...valid, caption: 'Departure, October 2024.' }));
    expect(errors).toEqual([]);
    const entry = readContent(dir).bySlug.get('pictured');
    expect(entry?.image).toMatchObject({
      src: 'troops.jpg',
      file: fs.realpathSync(path.join(dir, 'articles', 'troops.jpg')),
      format: 'jpeg',
      width: 2000,
      height: 1333,
      alt: valid.alt,
      credit: valid.credit,
      caption: 'Departure, October 2024.',
    });
    expect(readContent(dir).bySlug.get('north-korea-more-troops-russia')?.image).toBeUndefined();
  });

  it('finds a picture kept in a folder of its own, named from the content folder', () => {
    const { dir, errors } = treeWith(block({ ...valid, src: '/pictures/station.jpg' }), (d) => {
      fs.mkdirSync(path.join(d, 'pictures'));
      fs.renameSync(path.join(d, 'articles', 'troops.jpg'), path.join(d, 'pictures', 'station.jpg'));
    });
    expect(errors).toEqual([]);
    expect(readContent(dir).bySlug.get('pictured')?.image?.file).toBe(fs.realpathSync(path.join(dir, 'pictures', 'station.jpg')));
  });
});

describe('problems with a lead picture name the article, the line and the field', () => {
  it('a missing file, with the file most likely meant', () => {
    const { dir, article, errors } = treeWith(block({ ...valid, src: 'Troops.JPG' }));
    expect(errors).toEqual([
      `${article}: line 7: image.src: no file "${displayPath(path.join(dir, 'articles', 'Troops.JPG'))}"; did you mean troops.jpg?`,
    ]);
  });

  it('a file that is not a picture, whatever its name', () => {
    const { dir, article, errors } = treeWith(block({ ...valid, src: 'notes.jpg' }), (d) =>
      fs.writeFileSync(path.join(d, 'articles', 'notes.jpg'), 'These are my notes, not a photo.'),
    );
    expect(errors).toEqual([
      `${article}: line 7: image.src: "${displayPath(path.join(dir, 'articles', 'notes.jpg'))}" is not a picture: its contents are not JPEG, PNG, WebP or AVIF, whatever its name says`,
    ]);
  });

  it('a picture narrower than the widest the site publishes', () => {
    const { article, errors } = treeWith(block({ ...valid, src: 'narrow.jpg' }), (d) =>
      fs.writeFileSync(path.join(d, 'articles', 'narrow.jpg'), narrow),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(`^${article}: line 7: image\\.src: ".*narrow\\.jpg" is 1200 px wide; lead pictures must be at least 1600 px wide`),
      ),
    ]);
  });

  it('a file over 20 MB', () => {
    const { article, errors } = treeWith(block({ ...valid, src: 'huge.jpg' }), (d) => {
      const file = path.join(d, 'articles', 'huge.jpg');
      fs.writeFileSync(file, photo);
      fs.truncateSync(file, 23_400_000);
    });
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`^${article}: line 7: image\\.src: ".*huge\\.jpg" is 23\\.4 MB; a picture may be at most 20 MB`)),
    ]);
  });

  it('a file outside the content folder, named by a path or reached through a link', () => {
    // The copy is <temp>/content: the picture is put in <temp>, beside it.
    const byPath = treeWith(block({ ...valid, src: '../../outside.jpg' }), (d) =>
      fs.writeFileSync(path.join(d, '..', 'outside.jpg'), photo),
    );
    expect(byPath.errors).toEqual([
      `${byPath.article}: line 7: image.src: "../../outside.jpg" is outside the content folder (${displayPath(byPath.dir)}); copy the picture into it`,
    ]);
    const outside = path.join(tempDir(), 'outside.jpg');
    fs.writeFileSync(outside, photo);
    const byLink = treeWith(block({ ...valid, src: 'linked.jpg' }), (d) => fs.symlinkSync(outside, path.join(d, 'articles', 'linked.jpg')));
    // The tree's walk refuses the link too: it would publish a file from elsewhere on the machine.
    expect(byLink.errors).toContainEqual(
      `${byLink.article}: line 7: image.src: "${displayPath(path.join(byLink.dir, 'articles', 'linked.jpg'))}" is a link to ${outside}, outside the content folder; copy the picture into the content folder instead`,
    );
  });

  it('an empty alt text or credit, each on its line', () => {
    const { article, errors } = treeWith(block({ ...valid, alt: '""', credit: "' '" }));
    expect(errors).toEqual([
      `${article}: line 8: image.alt: empty: what the picture shows, for readers who cannot see it`,
      `${article}: line 9: image.credit: empty: who took the picture or owns it ("Kim Hong-ji/Reuters")`,
    ]);
  });

  it('a missing alt text on the line of image, and a misspelt field with the one meant', () => {
    const { article, errors } = treeWith(block({ src: valid.src, credit: valid.credit, captoin: 'x' }));
    expect(errors).toEqual([
      `${article}: line 9: image.captoin: not a field of image; did you mean caption? (the fields are src, alt, credit, caption)`,
      `${article}: line 6: image.alt: required: what the picture shows, for readers who cannot see it`,
    ]);
  });

  it('an image that is not a set of fields', () => {
    const { article, errors } = treeWith('troops.jpg');
    expect(errors).toEqual([
      `${article}: line 6: image: expected the fields src, alt and credit (image: { src: photo.jpg, alt: …, credit: … }), got "troops.jpg"`,
    ]);
  });
});

describe('pictures in the content folder', () => {
  it('names no picture unused while an article names its picture wrongly (it may be the one meant)', () => {
    const { errors } = treeWith(block({ ...valid, src: 'Troops.JPG' }), (d) =>
      fs.writeFileSync(path.join(d, 'articles', 'spare.jpg'), photo),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/image\.src: no file .*; did you mean troops\.jpg\?$/);
  });

  it('names a picture no article uses: only lead pictures are published', () => {
    const { dir, errors } = treeWith(block(valid), (d) => {
      fs.writeFileSync(path.join(d, 'articles', 'spare.jpg'), photo);
      fs.mkdirSync(path.join(d, 'pictures'));
      fs.writeFileSync(path.join(d, 'pictures', 'old.png'), photo);
    });
    const unused = (file: string) =>
      `${displayPath(path.join(dir, file))}: no article's image names this picture, so it would not be published; name it in an article's front matter (image: { src: …, alt: …, credit: … }) or move it out of the content folder`;
    expect(errors).toEqual([unused('articles/spare.jpg'), unused('pictures/old.png')]);
  });

  it('counts a picture a draft uses as used', () => {
    const { errors } = treeWith(block(valid), (d) =>
      writeArticle(d, 'draft-with-picture', { draft: 'true', image: block({ ...valid, src: '../articles/troops.jpg' }) }),
    );
    expect(errors).toEqual([]);
  });
});
