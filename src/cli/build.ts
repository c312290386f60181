// `npm run build`: content/ (or $CONTENT_DIR) → _site/ (or $OUTPUT_DIR). Exits non-zero on bad content.
import { buildSite } from '../build/site.ts';
import { displayPath, resolvePaths } from '../shared/paths.ts';

const { contentDir, outputDir } = resolvePaths();
const started = performance.now();
try {
  const { files, pictures } = await buildSite({ contentDir, outputDir, quiet: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Built ${files} files from ${displayPath(contentDir)}/ into ${displayPath(outputDir)}/ in ${seconds} s`);
  console.log(
    `Pictures: ${pictures.encoded} encoded, ${pictures.fromCache} from the cache; social cards: ${pictures.cardsDrawn} drawn, ${pictures.cardsFromCache} from the cache`,
  );
} catch (error) {
  console.error(`Build failed; ${displayPath(outputDir)}/ was left as it was.\n${(error as Error).message}`);
  process.exitCode = 1;
}
