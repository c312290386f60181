// The pre-build content check, on the machine's other core: a build validates the whole tree while
// Eleventy renders it into the staging folder, and nothing is swapped in until both have succeeded.
import { Worker } from 'node:worker_threads';

// Node 20 does not run a worker's TypeScript entry through the loader tsx registers with --import, so
// the worker starts as a line of JavaScript that loads the entry through tsx's API.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(
  new URL('./check-worker.ts', import.meta.url).href,
)}, ${JSON.stringify(import.meta.url)}));`;

type Reply = { errors: string[] } | { crashed: string };

/** Every problem checkContent finds in the tree (none: an empty list), computed in a worker thread. */
export function checkContentInWorker(contentDir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { contentDir } });
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      if ('errors' in reply) resolve(reply.errors);
      else reject(new Error(`the content check crashed: ${reply.crashed}`));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the content check stopped (exit code ${code}) without a result`));
    });
  });
}
