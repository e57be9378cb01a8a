import type { Diagnostic, Tolerance } from '../shared/protocol';
import type { CaseSpec, ProblemDefinition } from './problem';

/** A value pulled out of tfjs into plain JavaScript, so comparison never touches a backend. */
export type Plain =
  | { kind: 'tensor'; shape: number[]; dtype: string; data: Float32Array | Int32Array | Uint8Array | number[] }
  | { kind: 'number'; value: number }
  | { kind: 'array'; items: Plain[] }
  | { kind: 'object'; entries: Record<string, Plain> }
  | { kind: 'other'; description: string };

/**
 * Compare the user's value with the expected one. Returns undefined when they agree within
 * tolerance, otherwise the first problem found, most basic first: type, shape, dtype, NaN/Inf,
 * then values.
 */
export function compareValues(expected: Plain, got: Plain, tolerance: Tolerance, path = ''): Diagnostic | undefined {
  const where = path ? ` at ${path}` : '';
  if (expected.kind === 'tensor') {
    if (got.kind !== 'tensor') {
      return {
        kind: 'not-a-tensor',
        path,
        message: `Expected a tensor${where} of shape [${expected.shape.join(', ')}], got ${describePlain(got)}.`,
        expectedShape: expected.shape,
      };
    }
    return compareTensors(expected, got, tolerance, path);
  }
  if (expected.kind === 'number') {
    const value = got.kind === 'number' ? got.value : got.kind === 'tensor' && got.shape.length === 0 ? Number(got.data[0]) : undefined;
    if (value === undefined) {
      return { kind: 'not-a-tensor', path, message: `Expected a number${where}, got ${describePlain(got)}.` };
    }
    return compareTensors(
      { kind: 'tensor', shape: [], dtype: 'float32', data: [expected.value] },
      { kind: 'tensor', shape: [], dtype: 'float32', data: [value] },
      tolerance,
      path,
    );
  }
  if (expected.kind === 'array') {
    if (got.kind !== 'array' || got.items.length !== expected.items.length) {
      return {
        kind: 'not-a-tensor',
        path,
        message: `Expected an array of ${expected.items.length} values${where}, got ${describePlain(got)}.`,
      };
    }
    for (let i = 0; i < expected.items.length; i++) {
      const diagnostic = compareValues(expected.items[i], got.items[i], tolerance, `${path}[${i}]`);
      if (diagnostic) return diagnostic;
    }
    return undefined;
  }
  if (expected.kind === 'object') {
    if (got.kind !== 'object') {
      return { kind: 'not-a-tensor', path, message: `Expected an object with keys ${Object.keys(expected.entries).join(', ')}${where}, got ${describePlain(got)}.` };
    }
    for (const [key, value] of Object.entries(expected.entries)) {
      if (!(key in got.entries)) {
        return { kind: 'not-a-tensor', path, message: `Missing key "${key}"${where} in the returned object.` };
      }
      const diagnostic = compareValues(value, got.entries[key], tolerance, `${path}.${key}`);
      if (diagnostic) return diagnostic;
    }
    return undefined;
  }
  // Strings, booleans, null: compared exactly by their JSON form.
  if (got.kind !== 'other' || got.description !== expected.description) {
    return { kind: 'mismatch', path, message: `Expected ${expected.description}${where}, got ${got.kind === 'other' ? got.description : describePlain(got)}.` };
  }
  return undefined;
}

function compareTensors(
  expected: Extract<Plain, { kind: 'tensor' }>,
  got: Extract<Plain, { kind: 'tensor' }>,
  tolerance: Tolerance,
  path: string,
): Diagnostic | undefined {
  const where = path ? ` at ${path}` : '';
  if (!sameShape(expected.shape, got.shape)) {
    return {
      kind: 'shape',
      path,
      message: `Wrong shape${where}: expected [${expected.shape.join(', ')}], got [${got.shape.join(', ')}].`,
      expectedShape: expected.shape,
      gotShape: got.shape,
    };
  }
  if (!compatibleDtype(expected.dtype, got.dtype)) {
    return {
      kind: 'dtype',
      path,
      message: `Wrong dtype${where}: expected ${expected.dtype}, got ${got.dtype}.`,
      expectedDtype: expected.dtype,
      gotDtype: got.dtype,
    };
  }
  const n = expected.data.length;
  let maxAbsError = 0;
  let maxRelError = 0;
  let mismatchCount = 0;
  let firstMismatch: number | undefined;
  let firstNonFinite: number | undefined;
  for (let i = 0; i < n; i++) {
    const e = Number(expected.data[i]);
    const g = Number(got.data[i]);
    if (!Number.isFinite(g) && Number.isFinite(e)) {
      firstNonFinite ??= i;
      mismatchCount++;
      continue;
    }
    if (Object.is(e, g) || e === g) continue;
    const abs = Math.abs(g - e);
    const rel = abs / Math.max(Math.abs(e), 1e-12);
    if (abs > maxAbsError || Number.isNaN(abs)) maxAbsError = Number.isNaN(abs) ? Infinity : abs;
    if (rel > maxRelError) maxRelError = rel;
    if (!(abs <= tolerance.atol + tolerance.rtol * Math.abs(e))) {
      mismatchCount++;
      firstMismatch ??= i;
    }
  }
  const common = { path, expectedShape: expected.shape, gotShape: got.shape, mismatchCount, elementCount: n, tolerance };
  if (firstNonFinite !== undefined) {
    const index = unravel(firstNonFinite, expected.shape);
    const value = Number(got.data[firstNonFinite]);
    return {
      ...common,
      kind: 'non-finite',
      message: `${String(value)} at index [${index.join(', ')}]${where} where ${formatNumber(Number(expected.data[firstNonFinite]))} was expected (${mismatchCount} of ${n} elements wrong).`,
      firstMismatch: { index, expected: Number(expected.data[firstNonFinite]), got: value },
    };
  }
  if (firstMismatch === undefined) return undefined;
  const index = unravel(firstMismatch, expected.shape);
  const e = Number(expected.data[firstMismatch]);
  const g = Number(got.data[firstMismatch]);
  return {
    ...common,
    kind: 'mismatch',
    maxAbsError,
    maxRelError,
    message:
      n === 1
        ? `Wrong value${where}: expected ${formatNumber(e)}, got ${formatNumber(g)}.`
        : `Values differ${where}: ${mismatchCount} of ${n} elements are outside tolerance; first at [${index.join(', ')}]: expected ${formatNumber(e)}, got ${formatNumber(g)} (max abs error ${formatNumber(maxAbsError)}).`,
    firstMismatch: { index, expected: e, got: g },
  };
}

/** How a case's output is judged: the problem's own comparison when it has one, else compareValues. */
export function compareCase(problem: ProblemDefinition, spec: CaseSpec, expected: Plain, got: Plain, tolerance: Tolerance): Diagnostic | undefined {
  return problem.compare ? problem.compare(expected, got, tolerance, spec) : compareValues(expected, got, tolerance);
}

/** True when `got` matches `expected` closely enough to call them the same output. */
export function valuesMatch(expected: Plain, got: Plain, tolerance: Tolerance): boolean {
  return compareValues(expected, got, tolerance) === undefined && nonFinitePattern(expected) === nonFinitePattern(got);
}

function nonFinitePattern(value: Plain): string {
  if (value.kind !== 'tensor') return '';
  let pattern = '';
  for (let i = 0; i < value.data.length; i++) if (!Number.isFinite(Number(value.data[i]))) pattern += `${i},`;
  return pattern;
}

/** Integer answers (indices, counts) are compared by value, so float32 holding integers is fine. */
function compatibleDtype(expected: string, got: string): boolean {
  return expected === got || (expected === 'int32' && got === 'float32');
}

function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Flat index → multi-dimensional index for a row-major shape. */
export function unravel(flat: number, shape: number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis];
    flat = Math.floor(flat / shape[axis]);
  }
  return index;
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 1e4 || abs < 1e-3 ? x.toExponential(3) : String(Number(x.toPrecision(5)));
}

export function describePlain(value: Plain): string {
  switch (value.kind) {
    case 'tensor':
      return `a ${value.dtype} tensor of shape [${value.shape.join(', ')}]`;
    case 'number':
      return `the number ${formatNumber(value.value)}`;
    case 'array':
      return `an array of ${value.items.length} values`;
    case 'object':
      return `an object with keys ${Object.keys(value.entries).join(', ') || '(none)'}`;
    default:
      return value.description;
  }
}
