/**
 * What the numbers say when no known mistake matches: many classic bugs leave a simple trace in
 * the output — every value off by the same factor (a sum where a mean belongs: the factor is an
 * axis length; a missing ½; a √d scaling with the wrong d), the opposite sign, a constant shift,
 * or a transpose. The relation is read off the user's failing outputs on every failing case and
 * stated only when it holds on all of them, so it is an observation, never a guess.
 */
import type { Tolerance } from '../shared/protocol';
import type { Plain } from './compare';
import { isTensorSpec } from './inputs';
import type { ArgSpec } from './problem';

type Tensor = Extract<Plain, { kind: 'tensor' }>;

export interface RelationFailure {
  expected: Plain;
  got: Plain;
  args: ArgSpec[];
}

/** A sentence describing how the user's output relates to the expected one, or undefined. */
export function describeRelation(failures: RelationFailure[], tolerance: Tolerance): string | undefined {
  if (!failures.length) return undefined;
  const perCase = failures.map((f) => caseRelation(f, tolerance));
  if (perCase.some((r) => r === undefined)) return undefined;
  const relations = perCase as Relation[];
  const where = relations[0].path ? ` ${relations[0].path}` : '';
  const samePath = relations.every((r) => r.path === relations[0].path);
  const field = samePath && where ? `Your${where}` : 'Your output';
  if (relations.every((r) => r.kind === 'transpose')) return `${field} is the transpose of the expected one (its last two axes are swapped).`;
  if (relations.every((r) => r.kind === 'offset')) {
    const offsets = relations.map((r) => (r as Extract<Relation, { kind: 'offset' }>).offset);
    const same = offsets.every((o) => Math.abs(o - offsets[0]) <= 1e-6 * Math.max(1, Math.abs(offsets[0])));
    return `${field} is the expected value shifted by a constant (${same ? format(offsets[0]) : 'a different constant on each case'}): an additive term is missing, extra or wrong.`;
  }
  if (!relations.every((r) => r.kind === 'scale')) return undefined;
  const scales = relations as Extract<Relation, { kind: 'scale' }>[];
  // Any wrong single number is "a multiple" of the right one: only tensors of several values make a
  // bare constant factor worth stating (named factors — −1, 2, an axis length — hold for numbers too).
  const informative = scales.some((r) => r.elements >= 2);
  return explainFactors(field, scales.map((r) => r.factor), failures.map((f) => f.args), informative);
}

type Shape = { kind: 'scale'; factor: number; elements: number } | { kind: 'offset'; offset: number } | { kind: 'transpose' };
type Relation = { path: string } & Shape;

/** The one relation that explains every wrong field of this case (they must agree), or undefined. */
function caseRelation(failure: RelationFailure, tolerance: Tolerance): Relation | undefined {
  const expected = leaves(failure.expected);
  const got = leaves(failure.got);
  let found: Relation | undefined;
  for (const [path, want] of expected) {
    const have = got.get(path);
    if (!have || same(want, have, tolerance)) continue;
    const relation = leafRelation(want, have, tolerance);
    if (!relation) return undefined;
    const candidate = { ...relation, path } as Relation;
    if (found && !compatible(found, candidate)) return undefined;
    found ??= candidate;
  }
  return found;
}

function compatible(a: Relation, b: Relation): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'scale' && b.kind === 'scale') return Math.abs(a.factor - b.factor) <= 1e-3 * Math.abs(a.factor);
  return true;
}

function leafRelation(want: Tensor, have: Tensor, tolerance: Tolerance): Shape | undefined {
  if (want.shape.length >= 2 && have.shape.length === want.shape.length) {
    const n = want.shape.length;
    const swapped = [...want.shape.slice(0, -2), want.shape[n - 1], want.shape[n - 2]];
    if (have.shape.every((d, i) => d === swapped[i]) && matchesTranspose(want, have, tolerance)) return { kind: 'transpose' };
  }
  if (want.data.length !== have.data.length || want.data.length === 0) return undefined;
  const e = Array.from(want.data, Number);
  const g = Array.from(have.data, Number);
  if (![...e, ...g].every(Number.isFinite)) return undefined;
  let ee = 0;
  let eg = 0;
  for (let i = 0; i < e.length; i++) {
    ee += e[i] * e[i];
    eg += e[i] * g[i];
  }
  const close = (a: number, b: number) => Math.abs(a - b) <= 4 * (tolerance.atol + tolerance.rtol * Math.abs(b));
  if (ee > 0) {
    const factor = eg / ee;
    if (Math.abs(factor - 1) > 1e-3 && Math.abs(factor) > 1e-6 && e.every((x, i) => close(g[i], factor * x))) return { kind: 'scale', factor, elements: e.length };
  }
  if (e.length >= 2) {
    const offset = g[0] - e[0];
    if (Math.abs(offset) > tolerance.atol * 4 && e.every((x, i) => close(g[i], x + offset))) return { kind: 'offset', offset };
  }
  return undefined;
}

function matchesTranspose(want: Tensor, have: Tensor, tolerance: Tolerance): boolean {
  const n = want.shape.length;
  const rows = want.shape[n - 2];
  const cols = want.shape[n - 1];
  const block = rows * cols;
  for (let b = 0; b < want.data.length / block; b++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const e = Number(want.data[b * block + i * cols + j]);
        const g = Number(have.data[b * block + j * rows + i]);
        if (!(Math.abs(e - g) <= tolerance.atol + tolerance.rtol * Math.abs(e))) return false;
      }
    }
  }
  return true;
}

/** Name the factor: −1, 2 or ½, an axis length of the inputs (sum vs mean), a square root. */
function explainFactors(field: string, factors: number[], argsPerCase: ArgSpec[][], informative: boolean): string | undefined {
  const all = (test: (f: number, i: number) => boolean) => factors.every(test);
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b));
  if (all((f) => near(f, -1))) return `${field} has the opposite sign of the expected value everywhere: a sign is flipped (ascent instead of descent, or a − where a + belongs).`;
  if (all((f) => near(f, 2))) return `${field} is exactly twice the expected value: a factor of 2 is extra or missing (the ½ of a squared error, a doubled step).`;
  if (all((f) => near(f, 0.5))) return `${field} is exactly half the expected value: a factor of 2 is missing or extra (the ½ of a squared error, a halved step).`;
  // A factor equal to an axis length of this case's inputs, on every case: a sum where a mean is asked, or the reverse.
  const sizes = argsPerCase.map(axisLengths);
  if (all((f, i) => sizes[i].some((n) => near(f, n)))) {
    return `${field} is N times the expected value, where N is an axis length of the inputs (${factors.map((f) => Math.round(f)).join(', ')} on the failing cases): a sum where a mean is asked, or a missing division by N.`;
  }
  if (all((f, i) => sizes[i].some((n) => near(f * n, 1)))) {
    return `${field} is the expected value divided by N, where N is an axis length of the inputs (${factors.map((f) => Math.round(1 / f)).join(', ')} on the failing cases): a mean where a sum is asked, or an extra division by N.`;
  }
  if (all((f, i) => sizes[i].some((n) => near(f * f, n) || near(f * f * n, 1)))) {
    return `${field} is off by the square root of an axis length of the inputs (×${factors.map((f) => format(f)).join(', ×')}): a √d scaling uses the wrong d, is missing, or is applied twice.`;
  }
  if (!informative || !all((f) => near(f, factors[0]))) return undefined;
  return `${field} is the expected value times ${format(factors[0])} on every failing case: a scaling factor is wrong or missing.`;
}

/** Every axis length of the case's tensor inputs, and products of two of them (N·C). */
function axisLengths(args: ArgSpec[]): number[] {
  const lengths = new Set<number>();
  const visit = (arg: ArgSpec) => {
    if (isTensorSpec(arg)) arg.shape.forEach((d) => d > 1 && lengths.add(d));
    else if (Array.isArray(arg)) arg.forEach(visit);
    else if (arg && typeof arg === 'object') Object.values(arg).forEach(visit);
  };
  args.forEach(visit);
  const base = [...lengths];
  for (const a of base) for (const b of base) lengths.add(a * b);
  return [...lengths];
}

function same(a: Tensor, b: Tensor, tolerance: Tolerance): boolean {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) return false;
  for (let i = 0; i < a.data.length; i++) {
    const e = Number(a.data[i]);
    const g = Number(b.data[i]);
    if (Object.is(e, g)) continue;
    if (!(Math.abs(e - g) <= tolerance.atol + tolerance.rtol * Math.abs(e))) return false;
  }
  return true;
}

/** Numeric leaves of a value as tensors, by path (numbers become scalars; plain number lists, vectors). */
function leaves(value: Plain, path = '', into = new Map<string, Tensor>()): Map<string, Tensor> {
  if (value.kind === 'tensor') into.set(path, value);
  else if (value.kind === 'number') into.set(path, { kind: 'tensor', shape: [], dtype: 'float32', data: [value.value] });
  else if (value.kind === 'object') for (const [key, item] of Object.entries(value.entries)) leaves(item, `${path}.${key}`, into);
  else if (value.kind === 'array') {
    if (value.items.every((item) => item.kind === 'number')) {
      into.set(path, { kind: 'tensor', shape: [value.items.length], dtype: 'float32', data: value.items.map((item) => (item as { value: number }).value) });
    } else value.items.forEach((item, i) => leaves(item, `${path}[${i}]`, into));
  }
  return into;
}

function format(x: number): string {
  return Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : String(Number(x.toPrecision(4)));
}
