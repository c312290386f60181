import { expect, it } from 'vitest';
import * as format from '../../../src/format/index.ts';

it('exposes every helper from one import', () => {
  const expected = [
    'formatProse',
    'formatApproximate',
    'formatAtLeast',
    'formatNumberRange',
    'formatCompact',
    'formatSignedChange',
    'formatPercent',
    'formatQualitative',
    'formatAmount',
    'amountValue',
    'parseCalendarDate',
    'calendarDateToIso',
    'formatCalendarDate',
    'formatFuzzyDate',
    'fuzzyDateBounds',
    'compareFuzzyDates',
    'formatDateline',
    'toIsoWithOffset',
    'formatIsoDay',
    'formatDistance',
    'formatList',
  ];
  for (const name of expected) expect(format).toHaveProperty(name, expect.any(Function));
});
