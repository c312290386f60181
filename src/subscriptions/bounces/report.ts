// What every bounce format is read into: one address, what happened to it, and the provider's words for it.
import type { BounceType } from '../storage/store.ts';

export interface BounceReport {
  email: string;
  type: BounceType;
  /** the provider's diagnostic ("smtp; 550 5.1.1 user unknown"), kept with the event */
  detail?: string;
}

/** `kim@example.org` from `kim@example.org` or `"Kim" <kim@example.org>` */
export function bareAddress(value: string): string {
  return (/<([^<>]+)>\s*$/.exec(value)?.[1] ?? value).trim();
}

/** Provider text is stored, never echoed; a cap keeps one report from filling the events table. */
export function shortDetail(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value.length > 500 ? `${value.slice(0, 500)}…` : value;
}
