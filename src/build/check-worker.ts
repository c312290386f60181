// Worker-thread entry: loads the tree's facts and posts them to the build, then runs the whole content
// check and posts its errors back.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { checkContent } from '../content/check.ts';
import { loadSite } from '../content/site.ts';
import { loadAllFacts } from '../facts/load.ts';
import { FACTS_POSTED, type FactsReply } from './check-in-worker.ts';

const { contentDir, factsPort, signal } = workerData as { contentDir: string; factsPort: MessagePort; signal: Int32Array };

function postFacts(): void {
  let reply: FactsReply;
  try {
    reply = { facts: loadAllFacts(contentDir, loadSite(contentDir).timeZone) };
  } catch (error) {
    reply = { failed: (error as Error).message };
  }
  factsPort.postMessage(reply);
  factsPort.close();
  Atomics.store(signal, 0, FACTS_POSTED);
  Atomics.notify(signal, 0);
}

try {
  postFacts();
  // The facts files parse again from loadAllFacts's cache (same text, same zone), so this costs little.
  parentPort?.postMessage({ errors: checkContent(contentDir, { numerals: false }).errors });
} catch (error) {
  parentPort?.postMessage({ crashed: (error as Error).stack ?? String(error) });
}
