// Turns schema issues into editor-facing lines: "file: field: what was expected".
import type { z } from 'zod';

export function formatZodIssues(file: string, issues: readonly z.core.$ZodIssue[], label?: (path: PropertyKey[]) => string): string[] {
  return issues.map((issue) => {
    const where = label ? label(issue.path) : issue.path.map(String).join('.');
    return `${file}: ${where ? `${where}: ` : ''}${issue.message}`;
  });
}
