import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { plainNumber } from '../../../src/judge/contract';
import { isTensorSpec, tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Plain } from '../../../src/judge/compare';
import type { Diagnostic } from '../../../src/shared/protocol';
import type { Rng } from '../../../src/judge/rng';
import { fitTemperature } from './reference';

/** Mean NLL of softmax(z / t) over float32 logits z [n, c] and labels y, computed in float64. */
function nllOf(z: ArrayLike<number>, y: ArrayLike<number>, c: number, t: number): number {
  const n = y.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < c; j++) m = Math.max(m, z[i * c + j] / t);
    let s = 0;
    for (let j = 0; j < c; j++) s += Math.exp(z[i * c + j] / t - m);
    total += m + Math.log(s) - z[i * c + y[i]] / t;
  }
  return total / n;
}

/** The NLL minimiser over log T in [ln 0.01, ln 100], by golden-section search (float64). */
function optimum(z: ArrayLike<number>, y: ArrayLike<number>, c: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  const f = (u: number) => nllOf(z, y, c, Math.exp(u));
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  for (let it = 0; it < 100; it++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (f(a) < f(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** The NLL at the ends of the search range must exceed the optimum's by this much (10× the judge's slack). */
const BOUND_MARGIN = 1e-3;

/**
 * n samples over c classes: logit = scale · (noise + margin on the true class) + offset. Drawn again
 * until at least one sample is misclassified (otherwise NLL keeps falling as T → 0) and the optimum
 * is interior: T* well inside (0.01, 100) and the NLL at both ends of that range clearly above the
 * NLL at T*. Returns the inputs and T*.
 */
function calibrationSet(
  rng: Rng,
  n: number,
  c: number,
  scale: number,
  margin: number,
  offset = 0,
  deadClassShift = 0,
): { args: TensorSpec[]; tStar: number } {
  for (let attempt = 0; attempt < 100; attempt++) {
    // With a dead class, the last class is never the label and its logits sit deadClassShift lower.
    const labels = Array.from({ length: n }, () => rng.int(0, deadClassShift ? c - 2 : c - 1));
    const values: number[] = [];
    labels.forEach((y) => {
      for (let j = 0; j < c; j++) {
        const dead = deadClassShift && j === c - 1 ? deadClassShift : 0;
        values.push(scale * (rng.gaussian() + (j === y ? margin : 0)) + offset + dead);
      }
    });
    const logits = tensorSpec(values, [n, c]);
    const z = logits.data;
    const misclassified = labels.some((y, i) => {
      for (let j = 0; j < c; j++) if (j !== y && z[i * c + j] >= z[i * c + y]) return true;
      return false;
    });
    if (!misclassified) continue;
    const tStar = optimum(z, labels, c);
    const best = nllOf(z, labels, c, tStar);
    if (tStar < 0.02 || tStar > 50) continue;
    if (!(nllOf(z, labels, c, 0.01) > best + BOUND_MARGIN && nllOf(z, labels, c, 100) > best + BOUND_MARGIN)) continue;
    return { args: [logits, tensorSpec(labels, [n], 'int32')], tStar };
  }
  throw new Error(`temperature-scaling: no calibration set with an interior optimum (n ${n}, c ${c}, scale ${scale}, margin ${margin})`);
}

function hidden(rng: Rng, name: string, n: number, c: number, scale: number, margin: number, offset = 0): CaseSpec {
  return { name, public: false, args: calibrationSet(rng, n, c, scale, margin, offset).args };
}

/**
 * Logits around a common offset of several thousand: at T*, e^(z/T*) underflows to 0 even in float64
 * for every logit, so only a max-subtracted log-sum-exp gets the NLL right.
 */
function offsetCase(rng: Rng): CaseSpec {
  const offset = -(4000 + Math.round(2000 * rng.next()));
  const { args, tStar } = calibrationSet(rng, 60, 5, 3, 1, offset);
  const largest = Math.max(...args[0].data);
  if (Math.exp(largest / tStar) !== 0) throw new Error(`temperature-scaling: offset case does not underflow at T* = ${tStar}`);
  return { name: 'hidden: large common offset (thousands)', public: false, args };
}

/**
 * A class the model never predicts, thousands below the others: within each row the logits span
 * thousands, so e^((max − min)/T*) overflows float64 — a log-sum-exp shifted by anything but the
 * row max (the min, the mean) breaks.
 */
function deadClassCase(rng: Rng): CaseSpec {
  const { args, tStar } = calibrationSet(rng, 80, 4, 2, 1, 0, -3000);
  const [n, c] = args[0].shape;
  for (let i = 0; i < n; i++) {
    const row = Array.from(args[0].data.subarray(i * c, (i + 1) * c));
    if (Number.isFinite(Math.exp((Math.max(...row) - Math.min(...row)) / tStar))) {
      throw new Error(`temperature-scaling: dead-class row ${i} does not overflow at T* = ${tStar}`);
    }
  }
  return { name: 'hidden: a class thousands below the others', public: false, args };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: overconfident logits',
      public: true,
      args: [tensorSpec([4, 0, 0, 0, 4, 0, 4, 0, 0, 0, 0, 4], [4, 3]), tensorSpec([0, 1, 1, 2], [4], 'int32')],
    },
    {
      name: 'example 2: underconfident logits',
      public: true,
      args: [tensorSpec([0.5, 0, 0, 0.5, 0.5, 0, 0.2, 0.4], [4, 2]), tensorSpec([0, 1, 1, 1], [4], 'int32')],
    },
    hidden(rng, 'hidden: overconfident, 10 classes', 200, 10, 4, 1),
    hidden(rng, 'hidden: underconfident', 100, 5, 0.3, 4),
    hidden(rng, 'hidden: binary', 80, 2, 3, 0.8),
    hidden(rng, 'hidden: nearly calibrated', 150, 4, 1, 1.5),
    offsetCase(rng),
    deadClassCase(rng),
    hidden(rng, 'hidden: large logits', 60, 4, 20, 1.5),
    hidden(rng, 'hidden: tiny logits', 60, 3, 0.05, 2),
    hidden(rng, 'hidden: 500 samples', 500, 6, 2, 1.2),
    hidden(rng, 'hidden: two samples', 2, 3, 1, 0.5),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(10, 300), rng.int(2, 10), 0.2 + rng.next() * 5, 0.5 + rng.next() * 2));
  }
  return list;
}

/** Mean NLL of softmax(z / t), computed in float64 from the case's inputs. */
function nllAt(spec: CaseSpec, t: number): number {
  const [z, y] = spec.args as TensorSpec[];
  if (!isTensorSpec(z) || !isTensorSpec(y)) return NaN;
  const [n, c] = z.shape;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = Array.from(z.data.subarray(i * c, (i + 1) * c), (v) => v / t);
    const m = Math.max(...row);
    total += m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0)) - row[y.data[i]];
  }
  return total / n;
}

const REL_T = 0.01;
const ABS_NLL = 1e-4;

function compare(expected: Plain, got: Plain, _tolerance: unknown, spec: CaseSpec): Diagnostic | undefined {
  const tStar = expected.kind === 'number' ? expected.value : NaN;
  const t = got.kind === 'number' ? got.value : got.kind === 'tensor' && got.data.length === 1 ? Number(got.data[0]) : undefined;
  if (t === undefined) {
    return { kind: 'not-a-tensor', message: `Expected the temperature as a number, got ${got.kind === 'other' ? got.description : `a ${got.kind}`}.` };
  }
  if (!Number.isFinite(t)) return { kind: 'non-finite', message: `The temperature is ${t}; it must be a finite positive number.` };
  if (!(t > 0)) return { kind: 'property', message: `The temperature must be positive; got ${t}.` };
  const best = nllAt(spec, tStar);
  const yours = nllAt(spec, t);
  const relErr = Math.abs(t - tStar) / tStar;
  if (relErr <= REL_T && yours <= best + ABS_NLL) return undefined;
  return {
    kind: 'property',
    message:
      `T = ${t.toPrecision(5)} gives NLL ${yours.toFixed(5)}; the optimum is T* = ${tStar.toPrecision(5)} with NLL ${best.toFixed(5)}. ` +
      `Required: |T − T*| ≤ 1% of T* and NLL within ${ABS_NLL} of the optimum (yours is ${(100 * relErr).toFixed(2)}% away).`,
  };
}

export default defineProblem({
  id: 'classic-ml/temperature-scaling',
  entry: 'fitTemperature',
  argNames: ['logits', 'labels'],
  reference: fitTemperature,
  // number: the fitted temperature T.
  output: plainNumber(),
  cases,
  compare,
  mistakes: [
    {
      id: 'temperature-fixed-at-1',
      title: 'temperature left at 1 (nothing fitted)',
      explanation: 'T = 1 is the uncalibrated model. Minimise the mean NLL of softmax(logits / T) over T > 0.',
      diagnostic: 'property',
    },
    {
      id: 'logits-times-temperature',
      title: 'logits multiplied by T (divided by 1/T)',
      explanation: 'Temperature scaling divides the logits: softmax(z / T). Multiplying by T finds 1/T* instead of T*.',
      diagnostic: 'property',
    },
    {
      id: 'optimizes-accuracy',
      title: 'optimised accuracy, which does not depend on T',
      explanation: 'Dividing all logits by the same T > 0 never changes the argmax, so accuracy is flat in T and the search returns an arbitrary end point. Minimise the negative log-likelihood.',
      diagnostic: 'property',
    },
    {
      id: 'unstable-log-sum-exp',
      title: 'log-sum-exp without subtracting the max',
      explanation: 'With a large common offset (or small T), every exp(z/T) underflows to 0 and log 0 = −Infinity looks like a perfect NLL. Subtract the row max before exponentiating.',
      diagnostic: 'property',
    },
    {
      id: 'predicted-class-as-label',
      title: 'NLL of the predicted class instead of the true label',
      explanation: 'Scoring log p of the argmax class ignores the labels: every sample looks correct, so the NLL keeps falling as T → 0 and the search runs to its lower end. Use log p(y_i), the true class of each sample.',
      diagnostic: 'property',
    },
    {
      id: 'softmax-over-samples',
      title: 'softmax normalised over the samples (axis 0) instead of the classes',
      explanation: 'Each row of logits is one sample: its probabilities sum over the c classes, i.e. the last axis (tf.logSoftmax(z, -1), the default). Normalising each column over the n samples gives a different objective and a wrong T.',
      diagnostic: 'property',
    },
    {
      id: 'golden-section-wrong-side',
      title: 'golden-section search keeps the wrong side of the bracket',
      explanation: 'When f(a) < f(b) the minimum lies left of b, so b becomes the new upper end (and the other way round). With the comparison reversed, the search discards the better side and drifts to an end of the range.',
      diagnostic: 'property',
    },
    {
      id: 'returns-log-temperature',
      title: 'returned log T (the search variable) instead of T',
      explanation: 'The search runs over u = log T; convert the result back with T = exp(u) before returning it.',
      diagnostic: 'property',
    },
    {
      id: 'returns-inverse-temperature',
      title: 'returned the inverse temperature 1/T',
      explanation: 'The logits are divided by T. If you optimise β = 1/T (the logits multiplied by β), return 1/β.',
      diagnostic: 'property',
    },
    {
      id: 'coarse-linear-grid',
      title: 'search over T too coarse or too narrow (e.g. a grid 0.1, 0.2, …, 10)',
      explanation: 'A grid with steps of 0.1 cannot get within 1% of a small T*, and a search limited to [0.1, 10] stops at its edge when T* lies outside. Use a fine grid over log T followed by a local refinement, or a golden-section search over log T.',
      diagnostic: 'property',
    },
    {
      id: 'log-of-softmax',
      title: 'log(softmax(z / T)) instead of a log-softmax',
      explanation: 'A probability that underflows to 0 gives log 0 = −Infinity and an infinite NLL, which misleads the search. Compute the log-probabilities directly: z/T − logsumexp(z/T) (tf.logSoftmax).',
      diagnostic: 'property',
    },
    {
      id: 'label-logit-unscaled',
      title: 'true-class logit not divided by T (NLL = lse(z/T) − z_y)',
      explanation: 'Every logit is scaled, the label\'s too: NLL = logsumexp(z/T) − z_y/T. Subtracting the raw z_y leaves only the log-sum-exp depending on T, so the search runs to wherever that alone is smallest.',
      diagnostic: 'property',
    },
    {
      id: 'returns-min-nll',
      title: 'returned the minimum NLL instead of the temperature',
      explanation: 'The search finds the T that minimises the NLL; return that T (exp of the search variable), not the loss value there.',
      diagnostic: 'property',
    },
    {
      id: 'unstable-lse-float32',
      title: 'log(Σ exp(z/T)) in float32 without subtracting the row max',
      explanation: 'In float32 exp overflows to Infinity above 88 and underflows to 0 far below 0, so the NLL becomes ±Infinity or NaN for small T or offset logits. Use tf.logSumExp or subtract the row max first.',
      diagnostic: 'property',
    },
    {
      id: 'sigmoid-cross-entropy',
      title: 'per-class sigmoid (binary) cross-entropy instead of the softmax NLL',
      explanation: 'The calibrated probabilities are softmax(z/T) over the classes; treating each class as an independent sigmoid against the one-hot label is a different loss with a different minimiser.',
      diagnostic: 'property',
    },
  ],
});
