// Finding a figure a fact tag names, and saying clearly why it cannot be printed when it cannot.
import { likelyName } from '../shared/suggest.ts';
import type { DerivedFigure } from './derive.ts';
import type { ArticleFacts } from './parse.ts';
import type { Unit } from '../format/quantity.ts';
import type { Figure } from './schema.ts';

export type AnyFigure = Figure | DerivedFigure;

/** Every figure of a facts file, reported and derived, in the order the file lists them. */
export function figuresOf(facts: ArticleFacts): AnyFigure[] {
  return [...facts.figures, ...facts.derived];
}

/** A figure's unit; a derived sum is counted in the unit of what it adds up. */
export function unitOf(figure: AnyFigure): Unit | undefined {
  return figure.unit;
}

/** The figure `id` of `facts`; throws a message naming the file, the ids it has and the one most likely meant. */
export function findFigure(facts: ArticleFacts, id: string): AnyFigure {
  const figures = figuresOf(facts);
  const found = figures.find((f) => f.id === id);
  if (found) return found;
  const known = figures.map((f) => f.id);
  const meant = likelyName(id, known);
  throw new Error(
    `fact "${id}" does not exist in ${facts.file}${meant ? `; did you mean "${meant}"?` : ''} (${known.length ? `known: ${known.join(', ')}` : 'it lists no figures'})`,
  );
}
