// Worker-thread entry: loads the tree's facts and posts them to the build, then runs the whole content
// check and posts its errors back.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { checkContent } from '../content/check.ts';
import { loadSite } from '../content/site.ts';
import { loadAllFacts, type FactsBySlug } from '../facts/load.ts';
import { FACTS_POSTED, type FactsReply } from './check-in-worker.ts';
import { lowerThreadPriority } from './thread-priority.ts';

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
  // The build has its facts; the rest of the check only has to finish before the build does. At the
  // lowest priority it runs on what the build leaves of the other core instead of taking it from the
  // build's garbage collector threads (measured: most of the check's cost to a build's wall time).
  lowerThreadPriority();
  // Facts that failed to load are loaded again by the check, which lists every problem in them.
  const reading = facts && { facts, invalid: new Set<string>(), problems: [] };
  parentPort?.postMessage({ errors: checkContent(contentDir, { numerals: false, facts: reading }).errors });
} catch (error) {
  parentPort?.postMessage({ crashed: (error as Error).stack ?? String(error) });
}
