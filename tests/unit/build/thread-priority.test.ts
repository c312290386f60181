// The content check's worker lowers its own priority once the build has its facts; the build's thread
// must keep its own. Runs in this test file's own process (Vitest forks one per file).
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { LOWEST_PRIORITY, lowerThreadPriority } from '../../../src/build/thread-priority.ts';

/** The nice value of the calling thread, from /proc (field 19 of stat, after the command name). */
const NICE_OF_THIS_THREAD = `require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8').split(')').pop().trim().split(' ')[16]`;
const niceHere = () => Number(eval(NICE_OF_THIS_THREAD));

/** A thread started now, which reports its nice value when asked (threads inherit it when they start). */
function anotherThread(): { nice(): Promise<number>; stop(): Promise<number> } {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => parentPort.postMessage(Number(${NICE_OF_THIS_THREAD})))`,
    { eval: true },
  );
  return {
    nice: () =>
      new Promise((resolve, reject) => {
        worker.once('message', (nice: number) => resolve(nice));
        worker.once('error', reject);
        worker.postMessage('nice?');
      }),
    stop: () => worker.terminate(),
  };
}

describe.runIf(fs.existsSync('/proc/thread-self'))('lowerThreadPriority (Linux)', () => {
  it('gives the calling thread the lowest priority and leaves the other threads of the process as they were', async () => {
    const before = niceHere();
    expect(before).toBeLessThan(LOWEST_PRIORITY);
    const other = anotherThread();
    try {
      expect(await other.nice()).toBe(before);
      expect(lowerThreadPriority()).toBe(true);
      expect(niceHere()).toBe(LOWEST_PRIORITY);
      expect(await other.nice()).toBe(before);
    } finally {
      await other.stop();
    }
  });
});
