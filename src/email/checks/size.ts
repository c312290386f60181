/** Check: the email's size, against the point where Gmail clips a message behind "View entire message". */
import type { CheckResult } from './types.ts';

export interface SizeLimits {
  /** Above this many bytes: error. Gmail clips at 102 KB. */
  errorBytes: number;
  /** Above this many bytes: warning, to leave room for the sending service's own markup and tracking. */
  warningBytes: number;
}

/** Gmail clips a message whose HTML is over 102 KB behind "View entire message". */
export const GMAIL_CLIP_KB = 102;

export const defaultSizeLimits: SizeLimits = { errorBytes: GMAIL_CLIP_KB * 1024, warningBytes: 80 * 1024 };

export function checkSize(html: string, limits: SizeLimits = defaultSizeLimits): CheckResult {
  const bytes = Buffer.byteLength(html, 'utf8');
  const size = `email HTML is ${kilobytes(bytes)}`;
  if (bytes > limits.errorBytes) {
    return {
      errors: [{ check: 'size', message: `${size}; Gmail clips messages over ${kilobytes(limits.errorBytes)}` }],
      warnings: [],
    };
  }
  if (bytes > limits.warningBytes) {
    return {
      errors: [],
      warnings: [
        {
          check: 'size',
          message: `${size}, close to Gmail's clipping limit of ${kilobytes(limits.errorBytes)} (warning above ${kilobytes(limits.warningBytes)})`,
        },
      ],
    };
  }
  return { errors: [], warnings: [] };
}

function kilobytes(bytes: number): string {
  const value = bytes / 1024;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} KB`;
}
