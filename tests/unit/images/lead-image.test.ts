import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLeadImage, leadImageProblemText, type LeadImageCheck } from '../../../src/images/lead-image.ts';
import { MIN_SOURCE_WIDTH } from '../../../src/images/recipes.ts';
import { tempDir } from '../../helpers/site.ts';
import { testImage } from './test-images.ts';

let root: string;
let contentDir: string;
let articleFile: string;

const check = (image: unknown, file = articleFile): LeadImageCheck => checkLeadImage({ image, articleFile: file, contentDir });
const fields = (result: LeadImageCheck) => result.problems.map((p) => p.field);
const messages = (result: LeadImageCheck) => result.problems.map((p) => `${p.field}: ${p.message}`);
const valid = { alt: 'Soldiers board a train at a station', credit: 'Kim Hong-ji/Reuters' };

beforeAll(async () => {
  root = tempDir();
  contentDir = path.join(root, 'content');
  fs.mkdirSync(path.join(contentDir, 'articles', '2025'), { recursive: true });
  fs.mkdirSync(path.join(contentDir, 'pictures'), { recursive: true });
  articleFile = path.join(contentDir, 'articles', 'troops.md');
  fs.writeFileSync(articleFile, '---\ntitle: x\n---\n');
  const write = async (file: string, bytes: Promise<Buffer> | Buffer) => fs.writeFileSync(path.join(contentDir, file), await bytes);
  await write('articles/troops.jpg', testImage(2000, 1333));
  await write('articles/exactly.webp', testImage(MIN_SOURCE_WIDTH, 900, { format: 'webp' }));
  await write('pictures/station.avif', testImage(1800, 1200, { format: 'avif' }));
  await write('articles/narrow.jpg', testImage(1200, 800));
  // Stored 2000×1000 but held upright: displayed 1000 wide.
  await write('articles/portrait.jpg', testImage(2000, 1000, { orientation: 6 }));
  await write('articles/really-a-png.jpg', testImage(1700, 1000, { format: 'png' }));
  await write('articles/animation.jpg', testImage(1700, 1000, { format: 'gif' }));
  await write('articles/notes.jpg', Buffer.from('These are my notes, not a photo.'));
  await write('articles/cut-short.jpg', (await testImage(1700, 1000)).subarray(0, 100));
  fs.mkdirSync(path.join(contentDir, 'articles', 'folder.jpg'));
  // Over the limit: a JPEG's first bytes, then zeros (a sparse file, quick to make).
  await write('articles/huge.jpg', testImage(2000, 1333));
  fs.truncateSync(path.join(contentDir, 'articles', 'huge.jpg'), 23_400_000);
  await write('articles/just-over.jpg', testImage(2000, 1333));
  fs.truncateSync(path.join(contentDir, 'articles', 'just-over.jpg'), 20_000_001);
  fs.writeFileSync(path.join(root, 'outside.jpg'), await testImage(2000, 1333));
  fs.symlinkSync(path.join(root, 'outside.jpg'), path.join(contentDir, 'articles', 'linked-out.jpg'));
  fs.symlinkSync(path.join(contentDir, 'pictures', 'station.avif'), path.join(contentDir, 'articles', 'linked-in.avif'));
  fs.symlinkSync(path.join(contentDir, 'pictures', 'gone.jpg'), path.join(contentDir, 'articles', 'dangling.jpg'));
});

describe('checkLeadImage: accepted pictures', () => {
  it('finds src next to the article and returns the picture measured, its texts trimmed', () => {
    const result = check({
      src: 'troops.jpg',
      alt: '  Soldiers board a train  ',
      credit: valid.credit,
      caption: 'Departure, October 2024.',
    });
    expect(result.problems).toEqual([]);
    expect(result.image).toEqual({
      src: 'troops.jpg',
      file: fs.realpathSync(path.join(contentDir, 'articles', 'troops.jpg')),
      format: 'jpeg',
      width: 2000,
      height: 1333,
      bytes: fs.statSync(path.join(contentDir, 'articles', 'troops.jpg')).size,
      alt: 'Soldiers board a train',
      credit: valid.credit,
      caption: 'Departure, October 2024.',
    });
  });

  it('takes src starting with "/" from the content folder, and a relative src from a nested article', () => {
    expect(check({ src: '/pictures/station.avif', ...valid }).image?.format).toBe('avif');
    const nested = path.join(contentDir, 'articles', '2025', 'nested.md');
    expect(check({ src: '../../pictures/station.avif', ...valid }, nested).image?.width).toBe(1800);
  });

  it('accepts a picture exactly as wide as the widest published, and a link to a picture inside the content folder', () => {
    expect(check({ src: 'exactly.webp', ...valid }).problems).toEqual([]);
    expect(check({ src: 'linked-in.avif', ...valid }).image?.file).toBe(fs.realpathSync(path.join(contentDir, 'pictures', 'station.avif')));
  });

  it('judges by the bytes, not the name: a PNG called .jpg is a PNG', () => {
    expect(check({ src: 'really-a-png.jpg', ...valid }).image?.format).toBe('png');
  });

  it('leaves the caption out when there is none', () => {
    expect(check({ src: 'troops.jpg', ...valid }).image).not.toHaveProperty('caption');
  });
});

describe('checkLeadImage: problems an editor can act on, each naming its field', () => {
  it('a missing file, with the file most likely meant', () => {
    expect(messages(check({ src: 'Troops.JPG', ...valid }))).toEqual([
      `image.src: no file "${path.join(contentDir, 'articles', 'Troops.JPG')}"; did you mean troops.jpg?`,
    ]);
    expect(messages(check({ src: 'trops.jpg', ...valid }))[0]).toMatch(/did you mean troops\.jpg\?$/);
    expect(messages(check({ src: 'unrelated-name.jpg', ...valid }))[0]).toMatch(/^image\.src: no file ".*unrelated-name\.jpg"$/);
    expect(messages(check({ src: 'dangling.jpg', ...valid }))).toEqual([
      `image.src: "${path.join(contentDir, 'articles', 'dangling.jpg')}" is a link to a file that does not exist`,
    ]);
  });

  it('a file that is not a picture, or a picture in a format the site does not publish', () => {
    expect(messages(check({ src: 'notes.jpg', ...valid }))[0]).toMatch(
      /^image\.src: ".*notes\.jpg" is not a picture: its contents are not JPEG, PNG, WebP or AVIF, whatever its name says$/,
    );
    expect(messages(check({ src: 'animation.jpg', ...valid }))[0]).toMatch(/is a GIF file; lead pictures must be JPEG, PNG, WebP or AVIF$/);
    expect(messages(check({ src: 'cut-short.jpg', ...valid }))[0]).toMatch(/starts like a JPEG picture but its size cannot be read/);
    expect(messages(check({ src: 'folder.jpg', ...valid }))[0]).toMatch(/folder\.jpg" is a folder, not a picture$/);
  });

  it('a picture narrower than the widest width published, as displayed (after the camera orientation)', () => {
    expect(messages(check({ src: 'narrow.jpg', ...valid }))[0]).toMatch(
      new RegExp(
        `narrow\\.jpg" is 1200 px wide; lead pictures must be at least ${MIN_SOURCE_WIDTH} px wide, the widest the site publishes$`,
      ),
    );
    expect(messages(check({ src: 'portrait.jpg', ...valid }))[0]).toMatch(/portrait\.jpg" is 1000 px wide/);
  });

  it('a file over 20 MB, refused before it is read', () => {
    expect(messages(check({ src: 'huge.jpg', ...valid }))[0]).toMatch(
      /huge\.jpg" is 23\.4 MB; a picture may be at most 20 MB \(export it smaller\)$/,
    );
    expect(fields(check({ src: 'just-over.jpg', ...valid }))).toEqual(['image.src']);
  });

  it('a path that leaves the content folder, directly or through a link', () => {
    expect(messages(check({ src: '../../outside.jpg', ...valid }))).toEqual([
      `image.src: "../../outside.jpg" is outside the content folder (${contentDir}); copy the picture into it`,
    ]);
    expect(fields(check({ src: '/../outside.jpg', ...valid }))).toEqual(['image.src']);
    expect(messages(check({ src: 'linked-out.jpg', ...valid }))[0]).toBe(
      `image.src: "${path.join(contentDir, 'articles', 'linked-out.jpg')}" is a link to ${fs.realpathSync(path.join(root, 'outside.jpg'))}, outside the content folder; copy the picture into the content folder instead`,
    );
  });

  it('a web address instead of a file', () => {
    expect(messages(check({ src: 'https://example.org/photo.jpg', ...valid }))[0]).toMatch(
      /^image\.src: "https:\/\/example\.org\/photo\.jpg" is a web address/,
    );
    expect(fields(check({ src: '//cdn.example.org/photo.jpg', ...valid }))).toEqual(['image.src']);
  });

  it('empty or missing alt and credit, each named', () => {
    expect(messages(check({ src: 'troops.jpg', alt: '   ', credit: '' }))).toEqual([
      'image.alt: empty: what the picture shows, for readers who cannot see it',
      'image.credit: empty: who took the picture or owns it ("Kim Hong-ji/Reuters")',
    ]);
    expect(fields(check({ src: 'troops.jpg' }))).toEqual(['image.alt', 'image.credit']);
    expect(messages(check({ src: 'troops.jpg', alt: 2024, credit: valid.credit }))).toEqual(['image.alt: expected text, got 2024']);
  });

  it('an empty caption, a misspelt field, and src missing or not text', () => {
    expect(messages(check({ src: 'troops.jpg', ...valid, caption: '' }))).toEqual([
      'image.caption: empty: write a caption, or leave the field out',
    ]);
    expect(messages(check({ src: 'troops.jpg', ...valid, captoin: 'x' }))).toEqual([
      'image.captoin: not a field of image; did you mean caption? (the fields are src, alt, credit, caption)',
    ]);
    expect(messages(check(valid))[0]).toMatch(/^image\.src: required: the picture file, relative to the article/);
    expect(messages(check({ src: ['a.jpg'], ...valid }))).toEqual(['image.src: expected a file name, got ["a.jpg"]']);
  });

  it('an image that is not a set of fields', () => {
    expect(messages(check('troops.jpg'))).toEqual([
      'image: expected the fields src, alt and credit (image: { src: photo.jpg, alt: …, credit: … }), got "troops.jpg"',
    ]);
    expect(check(null).image).toBeUndefined();
  });

  it('reports every problem at once, and no picture while there is one', () => {
    const result = check({ src: 'narrow.jpg', alt: '', credit: '' });
    expect(fields(result)).toEqual(['image.src', 'image.alt', 'image.credit']);
    expect(result.image).toBeUndefined();
  });

  it('prints like every other content problem: file, line, field, message', () => {
    const [problem] = check({ src: 'troops.jpg', alt: '', credit: valid.credit }).problems;
    expect(leadImageProblemText('content/articles/troops.md', problem!, 8)).toBe(
      'content/articles/troops.md: line 8: image.alt: empty: what the picture shows, for readers who cannot see it',
    );
    expect(leadImageProblemText('content/articles/troops.md', problem!)).toBe(
      'content/articles/troops.md: image.alt: empty: what the picture shows, for readers who cannot see it',
    );
  });
});
