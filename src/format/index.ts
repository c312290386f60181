// The formatting helpers in one import: numbers, dates and lists, all pure (locale, zone and "now" are arguments).
export * from './numbers.ts';
export * from './dates.ts';
export * from './lists.ts';
export { DEFAULT_LOCALE } from './locale.ts';
