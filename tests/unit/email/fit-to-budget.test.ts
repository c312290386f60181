import { describe, expect, it } from 'vitest';
import { fitToBudget } from '../../../src/email/fit-to-budget.ts';

/** An email of `shown` items at `perItem` bytes each, over a fixed head and foot. */
const emailOf =
  (perItem: number, fixed = 1000) =>
  (shown: number) =>
    Promise.resolve({ bytes: fixed + shown * perItem, shown });

describe('fitToBudget', () => {
  it('keeps every item when the whole email is within the budget', async () => {
    expect((await fitToBudget(20, 50_000, emailOf(1000))).shown).toBe(20);
  });

  it('shows the largest number of items that fits, for every budget', async () => {
    for (let budget = 2000; budget <= 55_000; budget += 777) {
      const fitted = await fitToBudget(50, budget, emailOf(1000));
      expect(fitted.bytes, `budget ${budget}`).toBeLessThanOrEqual(budget);
      if (fitted.shown < 50) expect(1000 + (fitted.shown + 1) * 1000, `budget ${budget}`).toBeGreaterThan(budget);
    }
  });

  it('shows one item when not even one fits, leaving the size check to say so', async () => {
    const fitted = await fitToBudget(10, 500, emailOf(1000));
    expect(fitted.shown).toBe(1);
    expect(fitted.bytes).toBe(2000);
  });

  it('returns what the maker made for the count it chose', async () => {
    const fitted = await fitToBudget(9, 5500, (shown) => Promise.resolve({ bytes: 1000 * shown, html: `${shown} items` }));
    expect(fitted).toEqual({ bytes: 5000, html: '5 items', shown: 5 });
  });
});
