import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { plainNumber } from '../../../src/judge/contract';
import { isTensorSpec, tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Plain } from '../../../src/judge/compare';
import type { Diagnostic } from '../../../src/shared/protocol';
import type { Rng } from '../../../src/judge/rng';
import { fitTemperature } from './reference';

/**
 * n samples over c classes: logit = scale · (noise + margin on the true class) + offset. The noise
 * misclassifies some samples, so the optimal temperature is finite and positive.
 */
function calibrationSet(rng: Rng, n: number, c: number, scale: number, margin: number, offset = 0): TensorSpec[] {
  const labels = Array.from({ length: n }, () => rng.int(0, c - 1));
  const logits: number[] = [];
  labels.forEach((y) => {
    for (let j = 0; j < c; j++) logits.push(scale * (rng.gaussian() + (j === y ? margin : 0)) + offset);
  });
  return [tensorSpec(logits, [n, c]), tensorSpec(labels, [n], 'int32')];
}

function hidden(rng: Rng, name: string, n: number, c: number, scale: number, margin: number, offset = 0): CaseSpec {
  return { name, public: false, args: calibrationSet(rng, n, c, scale, margin, offset) };
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
    hidden(rng, 'hidden: large common offset (log-probabilities)', 60, 5, 3, 1, -400),
    hidden(rng, 'hidden: large logits', 60, 4, 20, 1.5),
    hidden(rng, 'hidden: tiny logits', 60, 3, 0.05, 20),
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
  ],
});
