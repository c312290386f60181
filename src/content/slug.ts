// URL slugs for tags and titles: lowercase words joined by hyphens. Latin accents are dropped
// ("Škoda" → "skoda"); other scripts are kept as they are ("북한" → "북한"), which browsers show as written.

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** What is wrong with a tag that slugify turns into nothing, as the check and the build both say it. */
export function topiclessTagProblem(file: string, tag: string): string {
  return `${file}: tags: "${tag}" has no letters or digits to make its topic URL from`;
}
