// `npm run check`: validate all content without building. `--strict` also fails on stray numerals.
import { checkContent } from '../content/check.ts';
import { resolvePaths } from '../content/paths.ts';

const strict = process.argv.includes('--strict');
const { contentDir } = resolvePaths();
const report = checkContent(contentDir);

for (const article of report.articles) {
  const stray = article.strayNumerals;
  console.log(
    `${article.file}: ${article.factsUsed} figures from facts, ${stray.length} numeral${stray.length === 1 ? '' : 's'} not from a fact`,
  );
  for (const numeral of stray) console.log(`  line ${numeral.line}: "${numeral.numeral}" in "…${numeral.context}…"`);
}
for (const error of report.errors) console.error(`error: ${error}`);

const strayCount = report.articles.reduce((n, a) => n + a.strayNumerals.length, 0);
if (report.errors.length || (strict && strayCount)) {
  console.error(`check failed: ${report.errors.length} error(s)${strict ? `, ${strayCount} stray numeral(s)` : ''}`);
  process.exitCode = 1;
} else {
  console.log(`check passed: ${report.articles.length} article(s)${strayCount ? `, ${strayCount} numeral(s) to review` : ''}`);
}
