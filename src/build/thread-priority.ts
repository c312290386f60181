// Lowering the calling thread's CPU priority, so that it uses what the rest of the process leaves.
import fs from 'node:fs';
import os from 'node:os';

/** The lowest priority (the highest nice value) a thread can ask for. */
export const LOWEST_PRIORITY = 19;

/**
 * Gives the calling thread the lowest CPU priority. On Linux each thread has its own nice value, which
 * setpriority(2) sets when given the thread's id; elsewhere, and where not permitted, nothing changes.
 * Returns whether it applied.
 */
export function lowerThreadPriority(): boolean {
  try {
    const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    os.setPriority(threadId, LOWEST_PRIORITY);
    return true;
  } catch {
    return false;
  }
}
