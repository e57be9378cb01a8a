/**
 * Arithmetic for the judging halves of notebook graders (see defineNotebook.ts). Judges run in the
 * page on data that came out of the kernel, so everything here is plain JavaScript in float64 (no
 * tf), and every reader checks the shape of what it was given: a judge that meets something else
 * throws, and the check fails with that message instead of passing on garbage.
 */

export function fmt(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** A number (NaN and ±Infinity included: a diverged loss is still a reading). */
export function numberOf(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new Error(`${what} is not a number`);
  return value;
}

export function numbersOf(value: unknown, what: string): number[] {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) throw new Error(`${what} is not a list of numbers`);
  const list = Array.from(value as ArrayLike<unknown>);
  list.forEach((v, i) => numberOf(v, `${what}[${i}]`));
  return list as number[];
}

export function matrixOf(value: unknown, what: string): number[][] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a matrix`);
  const rows = value.map((row, i) => numbersOf(row, `${what}[${i}]`));
  if (rows.some((row) => row.length !== rows[0]?.length)) throw new Error(`${what} has rows of different lengths`);
  return rows;
}

export function stringsOf(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new Error(`${what} is not a list of strings`);
  return value as string[];
}

export function booleanOf(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${what} is not true or false`);
  return value;
}

/** Index of the largest entry of each row (the first on ties, as tf.argMax). */
export function argmaxRows(rows: number[][]): number[] {
  return rows.map((row) => row.reduce((best, v, i) => (v > row[best] ? i : best), 0));
}

/** Share of `predicted` equal to `classes`. */
export function accuracy(predicted: number[], classes: number[]): number {
  if (predicted.length !== classes.length || classes.length === 0) throw new Error(`${predicted.length} predictions for ${classes.length} labels`);
  return predicted.filter((c, i) => c === classes[i]).length / classes.length;
}

/** Mean softmax cross-entropy of logit rows against class ids, stable (max-shifted) in float64. */
export function crossEntropy(logits: number[][], classes: number[]): number {
  if (logits.length !== classes.length || classes.length === 0) throw new Error(`${logits.length} logit rows for ${classes.length} labels`);
  const logProbabilities = logSoftmaxRows(logits);
  return -mean(classes.map((c, i) => logProbabilities[i][c]));
}

/** |got − expected| within `relative` of max(1, |expected|). */
export function closeTo(got: number, expected: number, relative: number): boolean {
  return Math.abs(got - expected) <= relative * Math.max(1, Math.abs(expected));
}

export function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * What identifies a tensor's contents well enough to tell two datasets apart: its shape, sum and
 * first values. Made in the kernel by probeKit's fingerprint(); compared here.
 */
export interface Fingerprint {
  shape: number[];
  sum: number;
  head: number[];
}

export function fingerprintOf(value: unknown, what: string): Fingerprint {
  const object = value as Partial<Fingerprint> | null;
  if (!object || typeof object !== 'object') throw new Error(`${what} is not a fingerprint`);
  return { shape: numbersOf(object.shape, `${what}.shape`), sum: numberOf(object.sum, `${what}.sum`), head: numbersOf(object.head, `${what}.head`) };
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.shape.join() === b.shape.join() && Object.is(a.sum, b.sum) && a.head.length === b.head.length && a.head.every((v, i) => Object.is(v, b.head[i]));
}

/** Log-softmax of each row, stable (max-shifted) in float64. */
export function logSoftmaxRows(rows: number[][]): number[][] {
  return matrixOf(rows, 'log-softmax input').map((row) => {
    const max = Math.max(...row);
    const logSum = max + Math.log(row.reduce((sum, v) => sum + Math.exp(v - max), 0));
    return row.map((v) => v - logSum);
  });
}

/** Mean of the squared differences of two equally long lists, in float64. */
export function meanSquaredError(predicted: number[], expected: number[]): number {
  if (predicted.length !== expected.length || expected.length === 0) throw new Error(`${predicted.length} predictions for ${expected.length} targets`);
  return predicted.reduce((sum, v, i) => sum + (v - expected[i]) ** 2, 0) / expected.length;
}

/** A list of number lists that may differ in length, e.g. each parameter's values, flattened. */
export function listsOf(value: unknown, what: string): number[][] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value.map((part, i) => numbersOf(part, `${what}[${i}]`));
}

/** Euclidean norm over all parts together (as one vector of all parameters). */
export function normOfParts(parts: number[][]): number {
  let sum = 0;
  for (const part of parts) for (const v of part) sum += v * v;
  return Math.sqrt(sum);
}

/** Throws unless the two parameter lists have parts of the same sizes. */
function sameParts(a: number[][], b: number[][]): void {
  if (a.length !== b.length || a.some((part, i) => part.length !== b[i].length)) throw new Error('the two parameter lists differ in shape');
}

/** a − b part by part; the parts must have the same sizes. */
export function partsDifference(a: number[][], b: number[][]): number[][] {
  sameParts(a, b);
  return a.map((part, i) => part.map((v, j) => v - b[i][j]));
}

/** Cosine of the angle between two vectors given as parts of the same sizes (dot / 1 when either is zero). */
export function cosineOfParts(a: number[][], b: number[][]): number {
  sameParts(a, b);
  let dot = 0;
  for (const [i, part] of a.entries()) for (const [j, v] of part.entries()) dot += v * b[i][j];
  return dot / (normOfParts(a) * normOfParts(b) || 1);
}

/** Mean softmax cross-entropy of logit rows against label rows of the same shape (one-hot or any distribution), in float64. */
export function crossEntropyRows(logits: number[][], labels: number[][]): number {
  if (logits.length !== labels.length || logits.length === 0 || logits.some((row, i) => row.length !== labels[i].length)) {
    throw new Error('the logits and the label rows differ in shape');
  }
  const logProbabilities = logSoftmaxRows(logits);
  return -mean(labels.map((row, i) => row.reduce((sum, v, j) => sum + v * logProbabilities[i][j], 0)));
}

/** Largest |a − b| over two matrices of the same shape (NaN when any difference is NaN). */
export function maxAbsDifference(a: number[][], b: number[][]): number {
  if (a.length !== b.length || a.some((row, i) => row.length !== b[i].length)) throw new Error('the two matrices differ in shape');
  return Math.max(...a.map((row, i) => Math.max(...row.map((v, j) => Math.abs(v - b[i][j])))));
}
