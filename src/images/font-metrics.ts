// Horizontal metrics of an OpenType font (TTF or OTF), read from its own tables: how wide text will be drawn.
import fs from 'node:fs';

export interface FontMetrics {
  /** The font file, as resvg is to load it. */
  file: string;
  /** The family name the font gives itself (name table: typographic family, else family), as SVG names it. */
  family: string;
  /** The weight class from the OS/2 table (400 regular, 700 bold). */
  weight: number;
  unitsPerEm: number;
  /** Ascender and descender from hhea, in font units (the descender is negative). */
  ascender: number;
  descender: number;
  /** The advance width of the glyph the font maps `codePoint` to (.notdef's when it has none), in font units. */
  advance(codePoint: number): number;
  /** Whether the font has a glyph of its own for `codePoint`. */
  covers(codePoint: number): boolean;
}

class FontFormatError extends Error {
  constructor(file: string, what: string) {
    super(`${file}: not an OpenType font the card can measure: ${what}`);
    this.name = 'FontFormatError';
  }
}

interface Table {
  offset: number;
  length: number;
}

function tableDirectory(bytes: Buffer, file: string): Map<string, Table> {
  const tag = bytes.toString('latin1', 0, 4);
  if (tag !== 'OTTO' && bytes.readUInt32BE(0) !== 0x00010000 && tag !== 'true') throw new FontFormatError(file, `signature "${tag}"`);
  const tables = new Map<string, Table>();
  const count = bytes.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    tables.set(bytes.toString('latin1', record, record + 4), {
      offset: bytes.readUInt32BE(record + 8),
      length: bytes.readUInt32BE(record + 12),
    });
  }
  for (const required of ['head', 'hhea', 'hmtx', 'cmap', 'name', 'OS/2']) {
    if (!tables.has(required)) throw new FontFormatError(file, `no ${required} table`);
  }
  return tables;
}

/** A code point → glyph id lookup from the best Unicode cmap subtable (format 12 for the full range, else format 4). */
function characterMap(bytes: Buffer, cmap: Table, file: string): (codePoint: number) => number {
  const count = bytes.readUInt16BE(cmap.offset + 2);
  let format4: number | undefined;
  for (let i = 0; i < count; i += 1) {
    const record = cmap.offset + 4 + i * 8;
    const platform = bytes.readUInt16BE(record);
    const encoding = bytes.readUInt16BE(record + 2);
    const subtable = cmap.offset + bytes.readUInt32BE(record + 4);
    const format = bytes.readUInt16BE(subtable);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return format12(bytes, subtable);
    if (format === 4) format4 ??= subtable;
  }
  if (format4 === undefined) throw new FontFormatError(file, 'no Unicode character map (cmap format 4 or 12)');
  return format4Lookup(bytes, format4);
}

function format12(bytes: Buffer, subtable: number): (codePoint: number) => number {
  const groups = bytes.readUInt32BE(subtable + 12);
  const starts = new Uint32Array(groups);
  const ends = new Uint32Array(groups);
  const glyphs = new Uint32Array(groups);
  for (let i = 0; i < groups; i += 1) {
    const group = subtable + 16 + i * 12;
    starts[i] = bytes.readUInt32BE(group);
    ends[i] = bytes.readUInt32BE(group + 4);
    glyphs[i] = bytes.readUInt32BE(group + 8);
  }
  return (codePoint) => {
    let low = 0;
    let high = groups - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (codePoint < starts[middle]!) high = middle - 1;
      else if (codePoint > ends[middle]!) low = middle + 1;
      else return glyphs[middle]! + (codePoint - starts[middle]!);
    }
    return 0;
  };
}

function format4Lookup(bytes: Buffer, subtable: number): (codePoint: number) => number {
  const segments = bytes.readUInt16BE(subtable + 6) / 2;
  const endCodes = subtable + 14;
  const startCodes = endCodes + segments * 2 + 2;
  const deltas = startCodes + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i += 1) {
      if (codePoint > bytes.readUInt16BE(endCodes + i * 2)) continue;
      const start = bytes.readUInt16BE(startCodes + i * 2);
      if (codePoint < start) return 0;
      const delta = bytes.readInt16BE(deltas + i * 2);
      const rangeOffsetAt = rangeOffsets + i * 2;
      const rangeOffset = bytes.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = bytes.readUInt16BE(rangeOffsetAt + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Name record `nameId` in English from the Windows platform (UTF-16BE), or the Macintosh one (Roman). */
function nameRecord(bytes: Buffer, name: Table, nameId: number): string | undefined {
  const count = bytes.readUInt16BE(name.offset + 2);
  const strings = name.offset + bytes.readUInt16BE(name.offset + 4);
  let mac: string | undefined;
  for (let i = 0; i < count; i += 1) {
    const record = name.offset + 6 + i * 12;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((at) => bytes.readUInt16BE(record + at)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (id !== nameId) continue;
    const start = strings + offset;
    if (platform === 3 && (encoding === 1 || encoding === 10) && language === 0x409) {
      return Buffer.from(bytes.subarray(start, start + length))
        .swap16()
        .toString('utf16le');
    }
    if (platform === 1 && encoding === 0 && language === 0) mac = bytes.toString('latin1', start, start + length);
  }
  return mac;
}

export function readFontMetrics(file: string): FontMetrics {
  const bytes = fs.readFileSync(file);
  const tables = tableDirectory(bytes, file);
  const table = (tag: string) => tables.get(tag) as Table;
  const unitsPerEm = bytes.readUInt16BE(table('head').offset + 18);
  const hhea = table('hhea').offset;
  const ascender = bytes.readInt16BE(hhea + 4);
  const descender = bytes.readInt16BE(hhea + 6);
  const longMetrics = bytes.readUInt16BE(hhea + 34);
  const hmtx = table('hmtx').offset;
  const lastAdvance = bytes.readUInt16BE(hmtx + (longMetrics - 1) * 4);
  const glyphOf = characterMap(bytes, table('cmap'), file);
  const family = nameRecord(bytes, table('name'), 16) ?? nameRecord(bytes, table('name'), 1);
  if (!family) throw new FontFormatError(file, 'no family name');
  const weight = bytes.readUInt16BE(table('OS/2').offset + 4);
  // Only the advances are kept: the 4–5 MB of outlines are resvg's to read.
  const advances = new Uint16Array(longMetrics);
  for (let glyph = 0; glyph < longMetrics; glyph += 1) advances[glyph] = bytes.readUInt16BE(hmtx + glyph * 4);
  const glyphAdvance = (glyph: number) => (glyph < longMetrics ? (advances[glyph] as number) : lastAdvance);
  return {
    file,
    family,
    weight,
    unitsPerEm,
    ascender,
    descender,
    advance: (codePoint) => glyphAdvance(glyphOf(codePoint)),
    covers: (codePoint) => glyphOf(codePoint) !== 0,
  };
}

/** The width of `text` set at `fontSize` pixels: the sum of its glyphs' advances, without kerning. */
export function textWidth(font: FontMetrics, text: string, fontSize: number): number {
  let units = 0;
  for (const character of text) units += font.advance(character.codePointAt(0) as number);
  return (units * fontSize) / font.unitsPerEm;
}
