// Worker-thread entry: runs the content check on the tree named in workerData and posts its errors back.
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from '../content/check.ts';

const { contentDir } = workerData as { contentDir: string };
try {
  parentPort?.postMessage({ errors: checkContent(contentDir, { numerals: false }).errors });
} catch (error) {
  parentPort?.postMessage({ crashed: (error as Error).stack ?? String(error) });
}
