// How a timeline marks each event's date: one exact day, a month or year only, or uncertain.
import type { EventView } from './figures.ts';

export type TimelineMarker = 'exact' | 'partial' | 'uncertain';

const ORDER: readonly TimelineMarker[] = ['exact', 'partial', 'uncertain'];

export function timelineMarker(event: Pick<EventView, 'precision' | 'uncertain'>): TimelineMarker {
  if (event.uncertain) return 'uncertain';
  return event.precision === 'day' ? 'exact' : 'partial';
}

/** The markers a timeline uses, in legend order, so its legend explains only what is shown. */
export function timelineMarkers(events: readonly Pick<EventView, 'precision' | 'uncertain'>[]): TimelineMarker[] {
  const used = new Set(events.map(timelineMarker));
  return ORDER.filter((marker) => used.has(marker));
}
