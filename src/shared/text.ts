// Text as every reader of content expects it: line breaks as \n and no byte-order mark.

export function normaliseText(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
