// The name an editor most likely meant: a misspelt field (`drafts: true`), slug, fact id or source id is
// named with its nearest known spelling, so a typo is fixed from the message alone.

/** Edit distance between two short words: insertions, deletions, substitutions and swaps of neighbours ("kye"). */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known field `field` was most likely meant to be: same letters in another case, or at most two edits away. */
export function likelyField(field: string, known: readonly string[]): string | undefined {
  const lower = field.toLowerCase();
  let best: { name: string; cost: number } | undefined;
  for (const name of known) {
    const cost = name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase());
    if (cost <= Math.min(2, Math.floor(name.length / 2)) && (!best || cost < best.cost)) best = { name, cost };
  }
  return best?.name;
}

/**
 * The name among `known` that `name` was most likely meant to be (an article slug, a fact id, a source id):
 * the same letters in another case, or few edits away for its length.
 */
export function likelyName(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; cost: number } | undefined;
  for (const candidate of known) {
    const cost = candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase());
    const allowed = Math.max(1, Math.min(4, Math.floor(candidate.length / 4)));
    if (cost <= allowed && (!best || cost < best.cost)) best = { name: candidate, cost };
  }
  return best?.name;
}
