// What kind of picture a file holds and how large it is drawn, read from its first bytes, never its name.
import fs from 'node:fs';

/** Formats the build can turn into the site's pictures. */
export type SupportedFormat = 'jpeg' | 'png' | 'webp' | 'avif';
/** Formats recognised, so the editor is told what the file is, but not published. */
export type OtherFormat = 'gif' | 'heic' | 'tiff' | 'bmp' | 'svg' | 'pdf';

export type Sniffed =
  | { format: SupportedFormat; width: number; height: number }
  /** A supported format whose header does not say how large it is: damaged or cut short. */
  | { format: SupportedFormat; width?: undefined; height?: undefined }
  | { format: OtherFormat; width?: undefined; height?: undefined };

export const FORMAT_NAMES: Record<SupportedFormat | OtherFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  gif: 'GIF',
  heic: 'HEIC',
  tiff: 'TIFF',
  bmp: 'BMP',
  svg: 'SVG',
  pdf: 'PDF',
};

/** Reads `length` bytes at `offset`; fewer at the end of the file. */
type Read = (offset: number, length: number) => Buffer;

// Enough for every header below but JPEG's, whose segments are walked with further reads.
const HEAD_BYTES = 64 * 1024;
// A metadata box larger than this is not a picture header anyone wrote on purpose.
const MAX_META_BYTES = 4 * 1024 * 1024;

const ascii = (bytes: Buffer, start: number, end: number) => bytes.toString('latin1', start, end);

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Sizes a display swaps: EXIF orientations 5–8 turn the picture a quarter. */
function oriented(width: number, height: number, orientation: number): { width: number; height: number } {
  return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}

/** The EXIF orientation (1–8) in an APP1 segment's body, or 1 when there is none. */
function exifOrientation(segment: Buffer): number {
  if (ascii(segment, 0, 6) !== 'Exif\0\0' || segment.length < 14) return 1;
  const tiff = segment.subarray(6);
  const little = ascii(tiff, 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) break;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return 1;
}

function jpegSize(read: Read, fileSize: number): { width: number; height: number } | undefined {
  let offset = 2;
  let orientation = 1;
  while (offset + 4 <= fileSize) {
    const header = read(offset, 4);
    if (header[0] !== 0xff) return undefined;
    const marker = header[1] as number;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2;
      continue;
    }
    const length = header.readUInt16BE(2);
    // The first EXIF segment says how the camera was held; XMP segments share the marker and are skipped inside.
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(read(offset + 4, length - 2));
    // SOF0–SOF15 carry the frame's size; C4 (Huffman tables), C8 and CC (arithmetic coding) do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const frame = read(offset + 5, 4);
      if (frame.length < 4) return undefined;
      return oriented(frame.readUInt16BE(2), frame.readUInt16BE(0), orientation);
    }
    // Start of scan or end of image before any frame: no size to find.
    if (marker === 0xda || marker === 0xd9) return undefined;
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(head: Buffer): { width: number; height: number } | undefined {
  const chunk = ascii(head, 12, 16);
  if (chunk === 'VP8 ' && head.length >= 30 && head[23] === 0x9d && head[24] === 0x01 && head[25] === 0x2a) {
    return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L' && head.length >= 25 && head[20] === 0x2f) {
    const [b0, b1, b2, b3] = [head[21], head[22], head[23], head[24]] as [number, number, number, number];
    return { width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
  }
  if (chunk === 'VP8X' && head.length >= 30) return { width: 1 + head.readUIntLE(24, 3), height: 1 + head.readUIntLE(27, 3) };
  return undefined;
}

interface Box {
  type: string;
  /** Where the box's content starts and ends, in the buffer or file it was read from. */
  start: number;
  end: number;
}

/** The boxes (ISO base media file format) laid end to end in bytes[from, to). */
function boxes(bytes: Buffer, from: number, to: number): Box[] {
  const found: Box[] = [];
  let offset = from;
  while (offset + 8 <= to) {
    let size = bytes.readUInt32BE(offset);
    let headerSize = 8;
    if (size === 1) {
      if (offset + 16 > to) break;
      size = Number(bytes.readBigUInt64BE(offset + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = to - offset;
    }
    if (size < headerSize) break;
    found.push({ type: ascii(bytes, offset + 4, offset + 8), start: offset + headerSize, end: Math.min(offset + size, to) });
    offset += size;
  }
  return found;
}

/** The file's top-level `meta` box, read whole (it usually sits in the first kilobytes, but may follow the image data). */
function metaBox(read: Read, fileSize: number): Buffer | undefined {
  let offset = 0;
  while (offset + 8 <= fileSize) {
    const header = read(offset, 16);
    let size = header.readUInt32BE(0);
    const type = ascii(header, 4, 8);
    let headerSize = 8;
    if (size === 1) {
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = fileSize - offset;
    }
    if (size < headerSize) return undefined;
    if (type === 'meta') return size - headerSize > MAX_META_BYTES ? undefined : read(offset + headerSize, size - headerSize);
    offset += size;
  }
  return undefined;
}

/** The displayed size of an AVIF's primary item: its `ispe` property, turned by its `irot` property. */
function avifSize(read: Read, fileSize: number): { width: number; height: number } | undefined {
  const meta = metaBox(read, fileSize);
  if (!meta || meta.length < 4) return undefined;
  // `meta` is a full box: version and flags first.
  const children = boxes(meta, 4, meta.length);
  const pitm = children.find((b) => b.type === 'pitm');
  const iprp = children.find((b) => b.type === 'iprp');
  if (!pitm || !iprp) return undefined;
  const primary = meta[pitm.start] === 0 ? meta.readUInt16BE(pitm.start + 4) : meta.readUInt32BE(pitm.start + 4);
  const inIprp = boxes(meta, iprp.start, iprp.end);
  const ipco = inIprp.find((b) => b.type === 'ipco');
  if (!ipco) return undefined;
  const properties = boxes(meta, ipco.start, ipco.end);
  // Property indices of the primary item, from every `ipma` box (1-based; 0 means none).
  const associated: number[] = [];
  for (const ipma of inIprp.filter((b) => b.type === 'ipma')) {
    const version = meta[ipma.start] as number;
    const wideIndex = ((meta[ipma.start + 3] as number) & 1) === 1;
    let at = ipma.start + 4;
    const entries = meta.readUInt32BE(at);
    at += 4;
    for (let i = 0; i < entries && at < ipma.end; i += 1) {
      const item = version < 1 ? meta.readUInt16BE(at) : meta.readUInt32BE(at);
      at += version < 1 ? 2 : 4;
      const count = meta[at] as number;
      at += 1;
      for (let j = 0; j < count; j += 1) {
        const index = wideIndex ? meta.readUInt16BE(at) & 0x7fff : (meta[at] as number) & 0x7f;
        at += wideIndex ? 2 : 1;
        if (item === primary) associated.push(index);
      }
    }
  }
  const propertiesOfPrimary = associated.map((index) => properties[index - 1]).filter((b): b is Box => b !== undefined);
  const ispe = propertiesOfPrimary.find((b) => b.type === 'ispe');
  if (!ispe || ispe.end - ispe.start < 12) return undefined;
  const width = meta.readUInt32BE(ispe.start + 4);
  const height = meta.readUInt32BE(ispe.start + 8);
  const irot = propertiesOfPrimary.find((b) => b.type === 'irot');
  const quarterTurns = irot ? (meta[irot.start] as number) & 3 : 0;
  return quarterTurns % 2 === 1 ? { width: height, height: width } : { width, height };
}

/** The ISO media brands a file claims, when it starts with an `ftyp` box. */
function brands(head: Buffer): string[] {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return [];
  const end = Math.min(head.readUInt32BE(0), head.length);
  const found = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) found.push(ascii(head, at, at + 4));
  return found;
}

/** Identifies a picture from its bytes, through `read`; undefined when it is no picture format known here. */
export function sniffImage(read: Read, fileSize: number): Sniffed | undefined {
  const head = read(0, Math.min(HEAD_BYTES, fileSize));
  // A header cut short makes a read come back short and a parser read past it: the size is then unknown.
  const withSize = (format: SupportedFormat, size: () => { width: number; height: number } | undefined): Sniffed => {
    let found: { width: number; height: number } | undefined;
    try {
      found = size();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
    return found && found.width > 0 && found.height > 0 ? { format, ...found } : { format };
  };

  if (startsWith(head, [0xff, 0xd8, 0xff])) return withSize('jpeg', () => jpegSize(read, fileSize));
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return withSize('png', () =>
      ascii(head, 12, 16) === 'IHDR' ? { width: head.readUInt32BE(16), height: head.readUInt32BE(20) } : undefined,
    );
  }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return withSize('webp', () => webpSize(head));
  const claimed = brands(head);
  if (claimed.includes('avif') || claimed.includes('avis')) return withSize('avif', () => avifSize(read, fileSize));
  if (claimed.some((b) => ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(b))) return { format: 'heic' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { format: 'gif' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return { format: 'tiff' };
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26) return { format: 'bmp' };
  if (ascii(head, 0, 5) === '%PDF-') return { format: 'pdf' };
  if (
    /^(?:\uFEFF)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head.toString('utf8', 0, 4096))
  )
    return { format: 'svg' };
  return undefined;
}

/** Identifies the picture in a file, reading only its headers. */
export function sniffImageFile(file: string): Sniffed | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    const read: Read = (offset, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buffer.length) {
        const n = fs.readSync(fd, buffer, done, buffer.length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return buffer.subarray(0, done);
    };
    return sniffImage(read, size);
  } finally {
    fs.closeSync(fd);
  }
}
