// Front-matter fields nobody reads: a misspelt `drafts: true` would otherwise publish a draft without a
// word. The content check names each one, with the field it most likely meant.

/** Edit distance (insertions, deletions, substitutions) between two short words. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
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
 * One message per front-matter field that is not in `known`:
 * `content/articles/x.md: drafts: not a field articles have; did you mean draft? (the fields are title, …)`.
 */
export function unknownFieldProblems(data: Record<string, unknown>, known: readonly string[], file: string, what: string): string[] {
  return Object.keys(data)
    .filter((field) => !known.includes(field))
    .map((field) => {
      const meant = likelyField(field, known);
      const hint = meant ? `; did you mean ${meant}?` : '';
      return `${file}: ${field}: not a field ${what} have${hint} (the fields are ${known.join(', ')})`;
    });
}
