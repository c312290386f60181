// Derived figures are computed from facts, never typed in, and keep what they were computed from.
import type { Amount } from '../format/numbers.ts';
import type { DerivedSpec, Figure } from './schema.ts';

export interface DerivedFigure {
  id: string;
  label: string;
  key: boolean;
  value: Amount;
  /** The figures added up, in the order the facts file lists them. */
  from: Figure[];
}

/** Adds up exact and approximate figures; the sum is approximate when any part is. */
export function deriveSum(spec: DerivedSpec, figures: ReadonlyMap<string, Figure>): DerivedFigure {
  const from = spec.sum.map((id) => {
    const figure = figures.get(id);
    if (!figure) throw new Error(`derived "${spec.id}": sum names "${id}", which is not a figure in this file`);
    const { value } = figure;
    if (value.kind !== 'exact' && value.kind !== 'approximate') {
      throw new Error(`derived "${spec.id}": cannot add up "${id}": its value is ${value.kind}, expected an exact or approximate number`);
    }
    return figure;
  });
  const total = from.reduce((sum, figure) => sum + (figure.value as { value: number }).value, 0);
  const exact = from.every((figure) => figure.value.kind === 'exact');
  return {
    id: spec.id,
    label: spec.label,
    key: spec.key,
    value: exact ? { kind: 'exact', value: total } : { kind: 'approximate', value: total },
    from,
  };
}
