import { expect, it } from 'vitest';
import * as format from '../../../src/format/index.ts';

it('exposes every helper from one import', () => {
  const expected = [
    'formatProse',
    'formatApproximate',
    'formatMoreThan',
    'formatAtLeast',
    'formatNumberRange',
    'formatCompact',
    'formatSignedChange',
    'formatPercent',
    'formatQualitative',
    'formatAmount',
    'formatQuantity',
    'formatChange',
    'formatFraction',
    'formatMeasureName',
    'amountValue',
    'measureOf',
    'checkQuantity',
    'checkNumber',
    'checkFuzzyDate',
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
