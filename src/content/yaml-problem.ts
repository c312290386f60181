// What is wrong with a file's YAML, in words an editor can act on: the parser's reason and where it stopped.

interface YamlMark {
  line: number;
  column: number;
}

/** "missed comma between flow collection entries at line 4, column 1" for a js-yaml error; the first line of any other. */
export function describeYamlError(error: unknown): string {
  const { reason, mark } = (error ?? {}) as { reason?: unknown; mark?: YamlMark };
  // js-yaml counts from 0; front matter starts on the line after the opening `---`, which gray-matter
  // hands over with its line break, so the count is the file's own line number.
  if (typeof reason === 'string' && mark) return `${reason} at line ${mark.line + 1}, column ${mark.column + 1}`;
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
