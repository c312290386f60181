// Worker-thread entry: loads the tree's facts and posts them to the build, then runs the whole content
// check and posts its errors back.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { checkContent } from '../content/check.ts';
import { loadSite } from '../content/site.ts';
import { loadAllFacts, type FactsBySlug } from '../facts/load.ts';
import { FACTS_POSTED, type FactsReply } from './check-in-worker.ts';

const { contentDir, factsPort, signal } = workerData as { contentDir: string; factsPort: MessagePort; signal: Int32Array };

/** Loads the facts and posts them (or why they could not be loaded); returns them when they loaded. */
function postFacts(): FactsBySlug | undefined {
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
  return 'facts' in reply ? reply.facts : undefined;
}

try {
  const facts = postFacts();
  // Facts that failed to load are loaded again by the check, which lists every problem in them.
  parentPort?.postMessage({ errors: checkContent(contentDir, { numerals: false, facts }).errors });
} catch (error) {
  parentPort?.postMessage({ crashed: (error as Error).stack ?? String(error) });
}
