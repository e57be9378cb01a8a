import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { passAtK } from './reference';

const ints = (values: number[]) => tensorSpec(values, [values.length], 'int32');

/** A case from explicit per-problem counts; asserts 0 ≤ c ≤ n and 1 ≤ k ≤ n for every problem. */
function suite(name: string, n: number[], c: number[], k: number, isPublic = false): CaseSpec {
  if (n.length !== c.length || n.length === 0) throw new Error(`${name}: n and c must be non-empty and the same length`);
  n.forEach((total, p) => {
    if (!(c[p] >= 0 && c[p] <= total)) throw new Error(`${name}: c[${p}] = ${c[p]} outside [0, ${total}]`);
    if (!(k >= 1 && k <= total)) throw new Error(`${name}: k = ${k} outside [1, n[${p}] = ${total}]`);
  });
  return { name, public: isPublic, args: [ints(n), ints(c), k] };
}

/** P problems with n samples each and c uniform in [cLo, cHi] (clipped to n). */
function uniformSuite(rng: Rng, name: string, P: number, n: number, k: number, cLo = 0, cHi = n): CaseSpec {
  const ns = new Array<number>(P).fill(n);
  const cs = ns.map(() => Math.min(n, rng.int(cLo, cHi)));
  return suite(name, ns, cs, k);
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    suite('example 1: n = 5 each, k = 2', [5, 5, 5], [2, 0, 4], 2, true),
    suite('example 2: n − c = k exactly, k = 3', [4, 10, 8], [1, 3, 0], 3, true),
    uniformSuite(rng, 'hidden: 20 problems × 200 samples, k = 1 (pass@1 = c / n)', 20, 200, 1),
    uniformSuite(rng, 'hidden: 20 problems × 200 samples, k = 10', 20, 200, 10, 0, 40),
    uniformSuite(rng, 'hidden: 164 problems × 200 samples, k = 100', 164, 200, 100, 0, 12),
  ];

  // Samples per problem differ: the mean is over problems, not over samples.
  {
    const ns = Array.from({ length: 12 }, () => rng.int(5, 300));
    const cs = ns.map((total) => rng.int(0, Math.ceil(total / 3)));
    ns[0] = 5;
    cs[0] = 4;
    ns[1] = 300;
    cs[1] = 2;
    list.push(suite('hidden: samples per problem differ (mean over problems, not samples)', ns, cs, 5));
  }
  list.push(suite('hidden: no correct samples at all (c = 0)', [10, 50, 200, 7], [0, 0, 0, 0], 5));
  list.push(suite('hidden: every sample correct (c = n)', [10, 50, 200, 7], [10, 50, 200, 7], 5));
  {
    const ns = Array.from({ length: 8 }, () => rng.int(12, 80));
    list.push(suite('hidden: n − c = k exactly on every problem (rule boundary)', ns, ns.map((total) => total - 10), 10));
    list.push(suite('hidden: n − c = k − 1 on every problem (inside the rule)', ns, ns.map((total) => total - 9), 10));
  }
  {
    const ns = [6, 6, 6, 6, 6, 6];
    list.push(suite('hidden: k = n (pass@n)', ns, [0, 1, 2, 3, 5, 6], 6));
  }
  list.push(suite('hidden: one problem, one sample', [1], [1], 1));
  list.push(suite('hidden: one problem, one wrong sample', [1], [0], 1));
  list.push(suite('hidden: n = 2000, k = 1000 (binomials overflow float64)', [2000, 2000, 2000, 1500], [1, 3, 0, 20], 1000));
  list.push(suite('hidden: n = 1000, k = 50, rare successes', [1000, 1000, 1000, 1000, 1000], [1, 2, 5, 10, 0], 50));
  for (let i = 0; i < 3; i++) {
    const P = rng.int(1, 30);
    const k = rng.pick([1, 2, 5, 10, 20]);
    const ns = Array.from({ length: P }, () => rng.int(k, 250));
    list.push(suite(`hidden: random ${i + 1}`, ns, ns.map((total) => rng.int(0, total)), k));
  }
  return list;
}

export default defineProblem({
  id: 'rl/pass-at-k',
  entry: 'passAtK',
  argNames: ['n', 'c', 'k'],
  reference: passAtK,
  // { perProblem: [P] float32, mean: [] float32 }.
  output: objectOf({
    perProblem: tensorOf('float32', (args) => shapeOf(args, 0)),
    mean: scalarTensor('float32'),
  }),
  cases,
  mistakes: [
    {
      id: 'biased-with-replacement',
      title: 'biased estimator 1 − (1 − c/n)^k',
      explanation:
        'Plugging the empirical success rate into 1 − (1 − p)^k treats the k draws as independent (with replacement) and is biased low. pass@k draws k of the n samples without replacement: 1 − C(n − c, k) / C(n, k).',
      diagnostic: 'mismatch',
    },
    {
      id: 'factorial-binomials',
      title: 'binomial coefficients through factorials (overflow → NaN)',
      explanation:
        'n! overflows float64 already at n = 171, so C(n − c, k) / C(n, k) becomes ∞ / ∞ = NaN. Use the product form Π_{i = n−c+1}^{n} (1 − k / i), which never leaves [0, 1].',
      diagnostic: 'non-finite',
    },
    {
      id: 'missing-one-minus',
      title: 'returns the probability that all k samples fail',
      explanation:
        'C(n − c, k) / C(n, k) is the chance that a random k-subset has no correct sample. pass@k is its complement: 1 − C(n − c, k) / C(n, k).',
      diagnostic: 'mismatch',
    },
    {
      id: 'rule-off-by-one',
      title: 'returns 1 when n − c ≤ k (the rule is n − c < k)',
      explanation:
        'Only when there are fewer than k wrong samples must every k-subset contain a correct one. With exactly k wrong samples, one subset (all the wrong ones) fails: pass@k = 1 − 1 / C(n, k).',
      diagnostic: 'mismatch',
    },
    {
      id: 'product-range-off-by-one',
      title: 'product over i = n − c … n − 1 instead of n − c + 1 … n',
      explanation:
        'C(n − c, k) / C(n, k) = Π_{i = n−c+1}^{n} (1 − k / i): c factors, the last one at i = n. Shifting the range down by one (a Python range(n − c, n) slip) uses the wrong factors.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-weighted-by-samples',
      title: 'average weighted by the number of samples per problem',
      explanation:
        'The benchmark score is the plain mean over problems, Σ_p pass@k_p / P; each problem counts once however many samples it has. Weighting by n_p lets problems with more samples dominate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'correct-and-wrong-swapped',
      title: 'correct and wrong counts swapped (1 − C(c, k) / C(n, k))',
      explanation:
        'The failure event is "all k samples are wrong", and there are n − c wrong samples: 1 − C(n − c, k) / C(n, k). Using c computes 1 − P(all k correct) instead.',
      diagnostic: 'mismatch',
    },
  ],
});
