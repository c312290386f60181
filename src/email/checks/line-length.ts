/** Check: no line longer than RFC 5322 allows; mail servers may break longer lines wherever they like. */
import { MAX_LINE_BYTES } from '../line-breaks.ts';
import type { CheckResult, Issue } from './types.ts';

export function checkLineLength(html: string, maxBytes: number = MAX_LINE_BYTES): CheckResult {
  const errors: Issue[] = [];
  html.split(/\r?\n/).forEach((line, index) => {
    const bytes = Buffer.byteLength(line, 'utf8');
    if (bytes > maxBytes) {
      errors.push({
        check: 'line-length',
        message: `line ${index + 1} is ${bytes.toLocaleString('en-US')} bytes long; mail allows at most ${maxBytes} (RFC 5322), so a server may break it mid-tag (starts: ${JSON.stringify(line.slice(0, 60))})`,
      });
    }
  });
  return { errors, warnings: [] };
}
