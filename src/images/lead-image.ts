// The article's lead picture as the front matter gives it (`image: { src, alt, credit, caption }`): checked for editors.
import fs from 'node:fs';
import path from 'node:path';
import { describeValue } from '../shared/errors.ts';
import { displayPath } from '../shared/paths.ts';
import { likelyField } from '../shared/suggest.ts';
import { MAX_SOURCE_BYTES, MIN_SOURCE_WIDTH } from './recipes.ts';
import { FORMAT_NAMES, sniffImageFile, type SupportedFormat } from './sniff.ts';

export const LEAD_IMAGE_FIELDS = ['src', 'alt', 'credit', 'caption'] as const;

/** A lead picture that passed every check: its texts trimmed, its file found, read and measured. */
export interface LeadImage {
  /** As the editor wrote it, for messages. */
  src: string;
  alt: string;
  credit: string;
  caption?: string;
  /** The file's real absolute path (symlinks resolved), inside the content folder. */
  file: string;
  format: SupportedFormat;
  /** As displayed, after the camera's orientation. */
  width: number;
  height: number;
  bytes: number;
}

export interface LeadImageProblem {
  /** The front-matter field: `image`, `image.src`, `image.alt`… */
  field: string;
  message: string;
}

export interface LeadImageCheck {
  /** Present only when there are no problems. */
  image?: LeadImage;
  problems: LeadImageProblem[];
}

export interface LeadImageCheckInput {
  /** The front matter's `image` value, as read from YAML. */
  image: unknown;
  /** The article's Markdown file: `src` is relative to its folder. */
  articleFile: string;
  /** `src` starting with "/" is taken from here, and no picture may be outside it. */
  contentDir: string;
}

/** `content/articles/x.md: line 7: image.alt: …`, the way the content check prints every problem. */
export function leadImageProblemText(shownFile: string, problem: LeadImageProblem, line?: number): string {
  return `${shownFile}: ${line === undefined ? '' : `line ${line}: `}${problem.field}: ${problem.message}`;
}

const ACCEPTED = 'JPEG, PNG, WebP or AVIF';
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The file in `dir` whose name `name` most likely meant, for "did you mean …?". */
function nearestFile(dir: string, name: string): string | undefined {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return undefined;
  }
  return likelyField(name, names);
}

function requiredText(
  value: unknown,
  field: 'alt' | 'credit' | 'caption',
  why: string,
  problems: LeadImageProblem[],
  optional = false,
): string | undefined {
  if (value === undefined && optional) return undefined;
  if (value === undefined || value === null) {
    problems.push({ field: `image.${field}`, message: `required: ${why}` });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({ field: `image.${field}`, message: `expected text, got ${describeValue(value)}` });
    return undefined;
  }
  const text = value.trim();
  if (!text) {
    problems.push({ field: `image.${field}`, message: optional ? `empty: write ${why}, or leave the field out` : `empty: ${why}` });
    return undefined;
  }
  return text;
}

/** The file a `src` names: relative to the article's folder, or from the content folder when it starts with "/". */
export function leadImagePath(src: string, articleFile: string, contentDir: string): string {
  return src.startsWith('/') ? path.join(contentDir, src) : path.resolve(path.dirname(articleFile), src);
}

/** Where `src` points, or a problem: a file path inside the content folder, never a web address. */
function resolveSource(src: string, articleFile: string, contentDir: string): { file: string } | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return { problem: `"${src}" is a web address; the picture must be a file in the content folder, named relative to the article` };
  }
  const file = leadImagePath(src, articleFile, contentDir);
  if (!isInside(file, contentDir)) {
    return { problem: `"${src}" is outside the content folder (${displayPath(contentDir)}); copy the picture into it` };
  }
  return { file };
}

/** Checks the file a valid `src` names: there, inside the content folder after links, a picture, not too large or too small. */
function checkFile(
  src: string,
  file: string,
  contentDir: string,
  problems: LeadImageProblem[],
): Omit<LeadImage, 'alt' | 'credit' | 'caption'> | undefined {
  const problem = (message: string) => {
    problems.push({ field: 'image.src', message });
    return undefined;
  };
  const shown = displayPath(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    // A link whose target is missing is a missing file too; lstat tells the two apart for the message.
    const dangling = fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink();
    if (dangling) return problem(`"${shown}" is a link to a file that does not exist`);
    const meant = nearestFile(path.dirname(file), path.basename(file));
    return problem(`no file "${shown}"${meant ? `; did you mean ${meant}?` : ''}`);
  }
  const real = fs.realpathSync(file);
  if (!isInside(real, fs.realpathSync(contentDir))) {
    return problem(`"${shown}" is a link to ${real}, outside the content folder; copy the picture into the content folder instead`);
  }
  if (stat.isDirectory()) return problem(`"${shown}" is a folder, not a picture`);
  if (!stat.isFile()) return problem(`"${shown}" is not a regular file`);
  if (stat.size > MAX_SOURCE_BYTES) {
    return problem(
      `"${shown}" is ${megabytes(stat.size)}; a picture may be at most ${MAX_SOURCE_BYTES / 1_000_000} MB (export it smaller)`,
    );
  }
  const sniffed = sniffImageFile(real);
  if (!sniffed) return problem(`"${shown}" is not a picture: its contents are not ${ACCEPTED}, whatever its name says`);
  const kind = FORMAT_NAMES[sniffed.format];
  if (sniffed.format !== 'jpeg' && sniffed.format !== 'png' && sniffed.format !== 'webp' && sniffed.format !== 'avif') {
    return problem(`"${shown}" is a ${kind} file; lead pictures must be ${ACCEPTED}`);
  }
  if (sniffed.width === undefined)
    return problem(`"${shown}" starts like a ${kind} picture but its size cannot be read: the file may be damaged`);
  if (sniffed.width < MIN_SOURCE_WIDTH) {
    return problem(
      `"${shown}" is ${sniffed.width} px wide; lead pictures must be at least ${MIN_SOURCE_WIDTH} px wide, the widest the site publishes`,
    );
  }
  return { src, file: real, format: sniffed.format, width: sniffed.width, height: sniffed.height, bytes: stat.size };
}

/**
 * Checks an article's `image` front matter and the file it names; every problem names its field. Reads only
 * the file's headers, synchronously, so the content check can call it for each article.
 */
export function checkLeadImage({ image, articleFile, contentDir }: LeadImageCheckInput): LeadImageCheck {
  const problems: LeadImageProblem[] = [];
  if (typeof image !== 'object' || image === null || Array.isArray(image)) {
    problems.push({
      field: 'image',
      message: `expected the fields src, alt and credit (image: { src: photo.jpg, alt: …, credit: … }), got ${describeValue(image)}`,
    });
    return { problems };
  }
  const fields = image as Record<string, unknown>;
  for (const field of Object.keys(fields).filter((f) => !(LEAD_IMAGE_FIELDS as readonly string[]).includes(f))) {
    const meant = likelyField(field, LEAD_IMAGE_FIELDS);
    problems.push({
      field: `image.${field}`,
      message: `not a field of image${meant ? `; did you mean ${meant}?` : ''} (the fields are ${LEAD_IMAGE_FIELDS.join(', ')})`,
    });
  }

  let found: Omit<LeadImage, 'alt' | 'credit' | 'caption'> | undefined;
  const src = fields.src;
  if (src === undefined || src === null || (typeof src === 'string' && !src.trim())) {
    problems.push({
      field: 'image.src',
      message: 'required: the picture file, relative to the article (photo.jpg) or from the content folder (/pictures/photo.jpg)',
    });
  } else if (typeof src !== 'string') {
    problems.push({ field: 'image.src', message: `expected a file name, got ${describeValue(src)}` });
  } else {
    const resolved = resolveSource(src.trim(), articleFile, contentDir);
    if ('problem' in resolved) problems.push({ field: 'image.src', message: resolved.problem });
    else found = checkFile(src.trim(), resolved.file, contentDir, problems);
  }

  const alt = requiredText(fields.alt, 'alt', 'what the picture shows, for readers who cannot see it', problems);
  const credit = requiredText(fields.credit, 'credit', 'who took the picture or owns it ("Kim Hong-ji/Reuters")', problems);
  const caption = requiredText(fields.caption, 'caption', 'a caption', problems, true);

  if (problems.length || !found || alt === undefined || credit === undefined) return { problems };
  return { image: { ...found, alt, credit, ...(caption === undefined ? {} : { caption }) }, problems };
}
