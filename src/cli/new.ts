// `npm run new -- article "Headline"` and `npm run new -- digest`: the files to start from, never over existing ones.
import { DateTime } from 'luxon';
import { instant } from '../content/article.ts';
import { readContent } from '../content/model.ts';
import { newArticleFiles } from '../new/article.ts';
import { newDigestFile } from '../new/digest.ts';
import { NewContentError, writeNewFiles } from '../new/files.ts';
import { resolvePaths } from '../shared/paths.ts';

const USAGE = `usage: npm run new -- article "Headline" [--date 2025-06-24T09:00:00+09:00]
       npm run new -- digest [--date 2025-06-27T07:00:00+09:00]
--date: the publication time, as front matter writes it (default: now); it is written in the site's time zone.`;

function parseArguments(args: string[]): { kind: string | undefined; words: string[]; date: string | undefined } {
  const words: string[] = [];
  let date: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--date') {
      date = args[i + 1];
      if (date === undefined) throw new NewContentError('--date needs a date and time, such as 2025-06-24T09:00:00+09:00');
      i += 1;
    } else if (arg.startsWith('--')) throw new NewContentError(`unknown option ${arg}`);
    else words.push(arg);
  }
  const [kind, ...rest] = words;
  return { kind, words: rest, date };
}

function when(date: string | undefined): DateTime {
  if (date === undefined) return DateTime.now();
  const parsed = instant.safeParse(date);
  if (!parsed.success) throw new NewContentError(`--date: ${parsed.error.issues[0]?.message ?? 'not a date'}`);
  return parsed.data;
}

function run(): void {
  const { kind, words, date } = parseArguments(process.argv.slice(2));
  const { contentDir } = resolvePaths();
  if (kind === 'article') {
    if (words.length !== 1) throw new NewContentError(`give the headline as one argument, in quotes\n${USAGE}`);
    const written = writeNewFiles(newArticleFiles({ headline: words[0]!, now: when(date), model: readContent(contentDir) }));
    for (const file of written) console.log(`wrote ${file}`);
    console.log('The article is a draft: npm start shows it; delete "draft: true" to publish it.');
  } else if (kind === 'digest') {
    if (words.length) throw new NewContentError(`a digest takes no words, only --date\n${USAGE}`);
    const written = writeNewFiles([newDigestFile({ now: when(date), model: readContent(contentDir) })]);
    for (const file of written) console.log(`wrote ${file}`);
    console.log('The issue is a draft: read it over with npm start, then delete "draft: true" to publish it.');
  } else {
    throw new NewContentError(kind === undefined ? USAGE : `unknown kind "${kind}": expected article or digest\n${USAGE}`);
  }
}

try {
  run();
} catch (error) {
  if (!(error instanceof NewContentError)) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}
