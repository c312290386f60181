// The generic bounce format: {"email": …, "type": "hard" | "soft" | "complaint", "detail"?: …}, or a list of them.
import { z } from 'zod';
import { formatIssues } from '../../shared/validate.ts';
import { isValidEmailAddress } from '../../email/header-value.ts';
import { shortDetail, type BounceReport } from './report.ts';

const report = z.object({
  email: z.string().refine(isValidEmailAddress, 'expected one plain email address'),
  type: z.enum(['hard', 'soft', 'complaint']),
  detail: z.string().optional(),
});

const list = z.array(report).min(1).max(1000);

export type GenericReading = { ok: true; reports: BounceReport[] } | { ok: false; problems: string[] };

export function readGenericBounces(raw: unknown): GenericReading {
  // Parsed as the shape it has, so a problem names the field rather than "matches neither shape".
  const parsed = Array.isArray(raw) ? list.safeParse(raw) : report.transform((item) => [item]).safeParse(raw);
  if (!parsed.success) return { ok: false, problems: formatIssues('body', parsed.error.issues) };
  const items = parsed.data;
  return {
    ok: true,
    reports: items.map(({ email, type, detail }) => {
      const kept = shortDetail(detail);
      return kept === undefined ? { email, type } : { email, type, detail: kept };
    }),
  };
}
