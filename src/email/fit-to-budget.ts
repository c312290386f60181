/** Fits an email into a size budget by showing fewer items: the largest count whose email is within the budget. */

export interface Measured {
  /** Size of the finished email, in bytes. */
  bytes: number;
}

/**
 * Makes the email with all `count` items and, if it is over `budgetBytes`, with fewer: returns the email for
 * the largest count that fits, found by bisection (an email grows with every item it shows). When not even
 * one item fits, the email with one item is returned; the size check then says what is wrong.
 */
export async function fitToBudget<T extends Measured>(
  count: number,
  budgetBytes: number,
  make: (shown: number) => Promise<T>,
): Promise<T & { shown: number }> {
  const attempt = async (shown: number) => ({ ...(await make(shown)), shown });
  const all = await attempt(count);
  if (all.bytes <= budgetBytes || count <= 1) return all;
  let best = await attempt(1);
  if (best.bytes > budgetBytes) return best;
  let low = 2;
  let high = count - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = await attempt(middle);
    if (candidate.bytes <= budgetBytes) {
      best = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
