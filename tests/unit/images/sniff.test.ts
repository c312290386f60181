import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage, sniffImageFile } from '../../../src/images/sniff.ts';
import { tempDir } from '../../helpers/site.ts';
import { testImage } from './test-images.ts';

const inMemory = (bytes: Buffer) => sniffImage((offset, length) => bytes.subarray(offset, offset + length), bytes.length);

function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}
const u8 = (...values: number[]) => Buffer.from(values);
const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value);
  return b;
};
const fullBox = (type: string, version: number, flags: number, ...content: Buffer[]) => box(type, u8(version, 0, 0, flags), ...content);

/**
 * The header of an AVIF whose primary item (2) is 3000×2000, stored turned a quarter (`irot` 1), and a
 * 300×200 thumbnail (item 1) listed first: only the primary item's properties may count.
 */
function avifHeader(quarterTurns: number): Buffer {
  const ispe = (w: number, h: number) => fullBox('ispe', 0, 0, u32(w), u32(h));
  const ipco = box('ipco', ispe(300, 200), ispe(3000, 2000), box('irot', u8(quarterTurns)));
  // Item 1 → property 1; item 2 → properties 2 and 3 (7-bit indices, the high bit marks "essential").
  const ipma = fullBox('ipma', 0, 0, u32(2), u8(0, 1, 1, 0x81), u8(0, 2, 2, 0x82, 0x83));
  const meta = fullBox('meta', 0, 0, fullBox('pitm', 0, 0, u8(0, 2)), box('iprp', ipco, ipma));
  const ftyp = box('ftyp', Buffer.from('avif', 'latin1'), u32(0), Buffer.from('avifmif1miaf', 'latin1'));
  return Buffer.concat([ftyp, meta, box('mdat', Buffer.alloc(32))]);
}

describe('sniffImage', () => {
  it.each(['jpeg', 'png', 'webp', 'avif'] as const)('reads the format and size of a %s as sharp does', async (format) => {
    const bytes = await testImage(1703, 901, { format });
    const meta = await sharp(bytes).metadata();
    expect(inMemory(bytes)).toEqual({ format, width: meta.width, height: meta.height });
  });

  it('reads lossless WebP, and WebP with transparency (the extended header)', async () => {
    const lossless = await sharp(await testImage(1650, 1100, { format: 'png' }))
      .webp({ lossless: true })
      .toBuffer();
    expect(inMemory(lossless)).toEqual({ format: 'webp', width: 1650, height: 1100 });
    expect(inMemory(await testImage(1650, 1100, { format: 'webp', transparent: true }))).toEqual({
      format: 'webp',
      width: 1650,
      height: 1100,
    });
  });

  it('gives the size a JPEG is displayed at: EXIF orientations 5–8 swap width and height', async () => {
    const turned = await testImage(2000, 1000, { orientation: 6 });
    expect(inMemory(turned)).toEqual({ format: 'jpeg', width: 1000, height: 2000 });
    const upsideDown = await testImage(2000, 1000, { orientation: 3 });
    expect(inMemory(upsideDown)).toEqual({ format: 'jpeg', width: 2000, height: 1000 });
  });

  it("reads an AVIF's primary item, turned by its irot property", () => {
    expect(inMemory(avifHeader(0))).toEqual({ format: 'avif', width: 3000, height: 2000 });
    expect(inMemory(avifHeader(1))).toEqual({ format: 'avif', width: 2000, height: 3000 });
    expect(inMemory(avifHeader(2))).toEqual({ format: 'avif', width: 3000, height: 2000 });
  });

  it('names formats it does not publish', async () => {
    expect(inMemory(await testImage(40, 30, { format: 'gif' }))).toEqual({ format: 'gif' });
    expect(inMemory(await testImage(40, 30, { format: 'tiff' }))).toEqual({ format: 'tiff' });
    expect(inMemory(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ format: 'svg' });
    expect(inMemory(Buffer.from('%PDF-1.7\n'))).toEqual({ format: 'pdf' });
    expect(inMemory(box('ftyp', Buffer.from('heic', 'latin1'), u32(0), Buffer.from('mif1heic', 'latin1')))).toEqual({ format: 'heic' });
  });

  it('is undefined for bytes of no picture format, whatever the file is called', () => {
    expect(inMemory(Buffer.from('Just some text pretending to be a photo.'))).toBeUndefined();
    expect(inMemory(Buffer.alloc(0))).toBeUndefined();
  });

  it('knows the format but not the size of a picture cut short', async () => {
    const jpeg = await testImage(1700, 900);
    // The frame header comes after the quantisation tables: the first 100 bytes hold none of it.
    expect(inMemory(jpeg.subarray(0, 100))).toEqual({ format: 'jpeg' });
    expect(inMemory((await testImage(1700, 900, { format: 'png' })).subarray(0, 20))).toEqual({ format: 'png' });
    expect(inMemory(avifHeader(0).subarray(0, 60))).toEqual({ format: 'avif' });
  });

  it('reads a file through positioned reads, the same as from memory', async () => {
    const file = path.join(tempDir(), 'photo.anything');
    const bytes = await testImage(1800, 1200, { format: 'avif' });
    fs.writeFileSync(file, bytes);
    expect(sniffImageFile(file)).toEqual(inMemory(bytes));
  });
});
