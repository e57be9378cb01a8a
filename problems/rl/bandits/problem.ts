import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { bandits } from './reference';

const f32 = Math.fround;

/**
 * Replays UCB1 and reports whether every decision is robust to float32 arithmetic: arms that tie
 * exactly must have identical statistics (so any implementation ties them too), and any other two
 * scores must differ by more than 1e-5.
 */
function ucbRobust(means: number[], R: number[][]): boolean {
  const K = means.length;
  const pulls = new Array<number>(K).fill(0);
  const wins = new Array<number>(K).fill(0);
  for (let t = 0; t < R.length; t++) {
    let arm = t;
    if (t >= K) {
      const score = pulls.map((n, k) => wins[k] / n + Math.sqrt((2 * Math.log(t)) / n));
      arm = 0;
      for (let k = 1; k < K; k++) if (score[k] > score[arm]) arm = k;
      for (let k = 0; k < K; k++) {
        if (k === arm) continue;
        const gap = Math.abs(score[k] - score[arm]);
        const same = pulls[k] === pulls[arm] && wins[k] === wins[arm];
        if (same ? gap !== 0 : gap < 1e-5) return false;
      }
    }
    pulls[arm]++;
    wins[arm] += R[t][arm];
  }
  return true;
}

function makeCase(name: string, means: number[], R: number[][], U: number[][][], isPublic = false): CaseSpec {
  const K = means.length;
  const T = R.length;
  if (!ucbRobust(means, R)) throw new Error(`${name}: UCB decisions are not robust`);
  if (U.length !== T || U.some((row) => row.length !== K || row.some((u) => u.length !== T))) throw new Error(`${name}: uniforms must be [T, K, T]`);
  return {
    name,
    public: isPublic,
    args: [tensorSpec(means, [K]), tensorSpec(R.flat(), [T, K]), tensorSpec(U.flat(2), [T, K, T])],
  };
}

/** A bandit with the given means: draws outcomes and uniforms until UCB's decisions are robust. */
function randomCase(rng: Rng, name: string, means: number[], T: number): CaseSpec {
  const K = means.length;
  const mu = means.map(f32);
  for (let attempt = 0; attempt < 100; attempt++) {
    const R = Array.from({ length: T }, () => mu.map((m) => (rng.next() < m ? 1 : 0)));
    if (!ucbRobust(mu, R)) continue;
    const U = Array.from({ length: T }, () => Array.from({ length: K }, () => Array.from({ length: T }, () => f32(rng.next()))));
    return makeCase(name, mu, R, U);
  }
  throw new Error(`${name}: no robust outcome table found`);
}

const uniformMeans = (rng: Rng, K: number) => Array.from({ length: K }, () => 0.05 + 0.9 * rng.next());

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    makeCase(
      'example 1: two arms, five steps',
      [0.3, 0.7],
      [
        [1, 0],
        [0, 1],
        [0, 1],
        [1, 1],
        [0, 0],
      ],
      [
        [[0.6, 0.3, 0.8, 0.1, 0.5], [0.2, 0.7, 0.4, 0.6, 0.3]],
        [[0.5, 0.1, 0.9, 0.2, 0.7], [0.9, 0.4, 0.2, 0.8, 0.6]],
        [[0.3, 0.8, 0.6, 0.5, 0.2], [0.4, 0.7, 0.1, 0.9, 0.5]],
        [[0.9, 0.2, 0.4, 0.7, 0.1], [0.6, 0.5, 0.3, 0.8, 0.2]],
        [[0.1, 0.7, 0.3, 0.8, 0.5], [0.5, 0.8, 0.95, 0.2, 0.4]],
      ],
      true,
    ),
    makeCase(
      'example 2: three arms, six steps, UCB ties',
      [0.5, 0.2, 0.6],
      [
        [1, 1, 0],
        [1, 0, 1],
        [1, 0, 1],
        [1, 1, 1],
        [1, 0, 1],
        [1, 0, 0],
      ],
      [
        [[0.58, 0.4, 0.97, 0.06, 0.85, 0.29], [0.13, 0.31, 0.81, 0.19, 0.58, 0.64], [0.55, 0.07, 0.07, 0.21, 0.68, 0.43]],
        [[0.58, 0.45, 0.3, 0.79, 0.7, 0.25], [0.52, 0.87, 0.72, 0.29, 0.97, 0.13], [0.75, 0.16, 0.49, 0.05, 0.66, 0.76]],
        [[0.87, 0.32, 0.69, 0.59, 0.58, 0.46], [0.94, 0.47, 0.66, 0.07, 0.7, 0.64], [0.82, 0.29, 0.39, 0.67, 0.03, 0.46]],
        [[0.12, 0.07, 0.76, 0.14, 0.25, 0.39], [0.09, 0.45, 0.55, 0.88, 0.81, 0.86], [0.42, 0.36, 0.88, 0.95, 0.16, 0.18]],
        [[0.24, 0.49, 0.59, 0.27, 0.01, 0.42], [0.57, 0.94, 0.69, 0.52, 0.62, 0.67], [0.89, 0.77, 0.87, 0.79, 0.39, 0.4]],
        [[0.63, 0.07, 0.08, 0.21, 0.17, 0.34], [0.01, 0.16, 0.11, 0.37, 0.03, 0.87], [0.16, 0.26, 0.35, 0.37, 0.13, 0.84]],
      ],
      true,
    ),
    randomCase(rng, 'hidden: 5 arms, 100 steps', uniformMeans(rng, 5), 100),
    randomCase(rng, 'hidden: 2 close arms (0.45 / 0.55), 150 steps', [0.45, 0.55], 150),
    randomCase(rng, 'hidden: one clearly best arm', [0.1, 0.15, 0.9, 0.1], 80),
    randomCase(rng, 'hidden: all arms equal (regret stays 0, ties everywhere)', [0.5, 0.5, 0.5], 60),
    randomCase(rng, 'hidden: fewer steps than arms (initial round only)', uniformMeans(rng, 6), 4),
    randomCase(rng, 'hidden: exactly one step per arm', uniformMeans(rng, 4), 4),
    randomCase(rng, 'hidden: a single arm', [0.3], 10),
    randomCase(rng, 'hidden: deterministic arms (means 0 and 1)', [0, 1, 0, 1], 40),
    randomCase(rng, 'hidden: best arm has the highest index', [0.2, 0.3, 0.4, 0.8], 80),
    randomCase(rng, 'hidden: 10 arms, 60 steps', uniformMeans(rng, 10), 60),
  ];
  for (let i = 0; i < 3; i++) list.push(randomCase(rng, `hidden: random ${i + 1}`, uniformMeans(rng, rng.int(2, 6)), rng.int(5, 120)));
  return list;
}

export default defineProblem({
  id: 'rl/bandits',
  entry: 'bandits',
  argNames: ['means', 'rewards', 'uniforms'],
  reference: bandits,
  // Arms [T] int32 and cumulative regret [T] float32 for each algorithm; T = rewards.shape[0].
  output: objectOf({
    ucbArms: tensorOf('int32', (args) => [shapeOf(args, 1)[0]]),
    ucbRegret: tensorOf('float32', (args) => [shapeOf(args, 1)[0]]),
    tsArms: tensorOf('int32', (args) => [shapeOf(args, 1)[0]]),
    tsRegret: tensorOf('float32', (args) => [shapeOf(args, 1)[0]]),
  }),
  cases,
  mistakes: [
    {
      id: 'ucb-log-of-arm-pulls',
      title: 'UCB bonus uses ln(n_k) instead of ln(t)',
      explanation:
        'The exploration bonus grows with the total number of pulls t and shrinks with the arm’s own count: sqrt(2·ln t / n_k). With ln n_k an arm that is rarely pulled never gets a growing bonus, so it is never revisited.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ucb-missing-factor-two',
      title: 'UCB bonus sqrt(ln t / n_k) (factor 2 missing)',
      explanation: 'UCB1’s bonus is sqrt(2·ln t / n_k). Without the 2 the confidence interval is narrower and the algorithm explores less.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ucb-step-one-indexed',
      title: 'UCB uses ln(t + 1): steps counted from 1',
      explanation: 'At step t (0-based) exactly t pulls have been made, so the bonus is sqrt(2·ln t / n_k). Counting steps from 1 inflates every bonus and can change which arm wins.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ucb-tie-last',
      title: 'UCB ties broken towards the highest index',
      explanation: 'Arms with the same pulls and wins have exactly the same score; the statement breaks such ties towards the lowest index. Replace the running best only on a strictly greater score.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ts-counts-swapped',
      title: 'Thompson posterior with successes and failures swapped',
      explanation: 'With a Beta(1, 1) prior the posterior of a Bernoulli arm is Beta(1 + successes, 1 + failures). Swapping them samples high for the arms that fail most.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ts-one-uniform-too-many',
      title: 'Beta sample from a + b uniforms instead of a + b − 1',
      explanation: 'The a-th smallest of m uniforms is Beta(a, m − a + 1); for Beta(a, b) take m = a + b − 1 uniforms. One more gives Beta(a, b + 1), a sample biased low.',
      diagnostic: 'mismatch',
    },
    {
      id: 'regret-from-observed-rewards',
      title: 'regret from the observed rewards instead of the arm means',
      explanation: 'The regret asked for is the pseudo-regret Σ_t (max_k μ_k − μ_{a_t}), which uses the true means. Subtracting the 0/1 reward actually observed gives the noisy realized regret.',
      diagnostic: 'mismatch',
    },
    {
      id: 'regret-not-cumulative',
      title: 'per-step regret instead of the running total',
      explanation: 'regret[t] is cumulative: the sum of max_k μ_k − μ_{a_τ} over all steps τ ≤ t, so it never decreases.',
      diagnostic: 'mismatch',
    },
  ],
});
