// `npm run check`: validate all content without building. `--strict` also fails on numerals typed where a
// fact should print them, in the body and in every text field.
import { checkContent } from '../check/check.ts';
import { resolvePaths } from '../shared/paths.ts';

const strict = process.argv.includes('--strict');
const { contentDir } = resolvePaths();
const report = checkContent(contentDir);

for (const file of report.files) {
  const stray = file.strayNumerals;
  console.log(
    `${file.file}: ${file.factsUsed} figures from facts, ${stray.length} numeral${stray.length === 1 ? '' : 's'} not from a fact`,
  );
  for (const numeral of stray)
    console.log(`  line ${numeral.line}: ${numeral.field ? `${numeral.field}: ` : ''}"${numeral.numeral}" in "…${numeral.context}…"`);
}
for (const error of report.errors) console.error(`error: ${error}`);

const strayCount = report.files.reduce((n, f) => n + f.strayNumerals.length, 0);
const articles = report.model.articles.length;
if (report.errors.length || (strict && strayCount)) {
  console.error(`check failed: ${report.errors.length} error(s)${strict ? `, ${strayCount} stray numeral(s)` : ''}`);
  process.exitCode = 1;
} else {
  console.log(`check passed: ${articles} article(s)${strayCount ? `, ${strayCount} numeral(s) to review` : ''}`);
}
