// The formatting helpers in one import: figures, numbers, dates and lists, all pure (locale, zone and "now" are arguments).
export * from './quantity.ts';
export * from './numbers.ts';
export * from './dates.ts';
export * from './lists.ts';
export { checkQuantity, checkNumber } from './guard.ts';
export { DEFAULT_LOCALE, type NumberOptions } from './locale.ts';
