// The pre-build content check, on the machine's other core: a build validates the whole tree while
// Eleventy renders it into the staging folder, and nothing is swapped in until both have succeeded.
// The worker parses the facts files first and hands them over, so the build does not parse them again.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { FactsBySlug } from '../facts/load.ts';

/** Posted on the facts port by the worker. */
export type FactsReply = { facts: FactsBySlug } | { failed: string };

/** The signal the worker raises: 0 until then, FACTS_POSTED once the facts reply is posted, WORKER_FAILED if it never started. */
export const FACTS_POSTED = 1;
const WORKER_FAILED = 2;

// Node 20 does not run a worker's TypeScript entry through the loader tsx registers with --import, so the
// worker starts as a line of JavaScript that loads the entry through tsx's API. If that fails, it raises
// the facts signal, so a build waiting for the facts is not left waiting.
const WORKER_BOOT = `const { workerData } = require('node:worker_threads');
import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./check-worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))
  .catch((error) => { Atomics.store(workerData.signal, 0, ${WORKER_FAILED}); Atomics.notify(workerData.signal, 0); throw error; });`;

export interface ContentCheck {
  /** Every problem in the tree (an empty list: none). */
  errors: Promise<string[]>;
  /** The facts the worker parsed; waits for them if need be. Throws if the worker could not load them. */
  facts(): FactsBySlug;
}

type Reply = { errors: string[] } | { crashed: string };

export function checkContentInWorker(contentDir: string): ContentCheck {
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_BOOT, {
    eval: true,
    workerData: { contentDir, factsPort: channel.port2, signal },
    transferList: [channel.port2],
  });
  const errors = new Promise<string[]>((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      if ('errors' in reply) resolve(reply.errors);
      else reject(new Error(`the content check crashed: ${reply.crashed}`));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the content check stopped (exit code ${code}) without a result`));
    });
  });
  let facts: FactsBySlug | undefined;
  return {
    errors,
    facts() {
      if (facts) return facts;
      // Templates ask for facts synchronously, so this thread blocks until the worker has posted them.
      for (;;) {
        const received = receiveMessageOnPort(channel.port1);
        if (received) {
          channel.port1.close();
          const message = received.message as FactsReply;
          if ('failed' in message) throw new Error(`facts files could not be loaded: ${message.failed}`);
          return (facts = message.facts);
        }
        if (Atomics.load(signal, 0) === WORKER_FAILED) throw new Error('the content check stopped before loading the facts files');
        Atomics.wait(signal, 0, 0, 1000);
      }
    },
  };
}
