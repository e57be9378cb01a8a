import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { ppoRewardShaping } from './reference';

interface Opts {
  beta?: number;
  gamma?: number;
  lam?: number;
  whiten?: boolean;
  /** Std of (log π − log π_ref) on real tokens. */
  drift?: number;
  scoreScale?: number;
}

/**
 * Right-padded responses of the given lengths: log-probs in (−5, 0), the reference nearby, values
 * N(0, 1), scores N(0, scoreScale²); padding positions hold arbitrary values (large ones for the
 * values, so a bootstrap from padding shows).
 */
function batch(rng: Rng, name: string, lengths: number[], T: number, o: Opts = {}): CaseSpec {
  const { beta = 0.1, gamma = 1, lam = 0.95, whiten = false, drift = 0.5, scoreScale = 1.5 } = o;
  const B = lengths.length;
  if (lengths.some((L) => L < 1 || L > T)) throw new Error(`${name}: lengths must be in [1, T]`);
  const lp: number[] = [];
  const ref: number[] = [];
  const values: number[] = [];
  const mask: number[] = [];
  for (const L of lengths) {
    for (let t = 0; t < T; t++) {
      if (t < L) {
        const x = -(0.05 + 4.95 * rng.next());
        lp.push(x);
        ref.push(x + drift * rng.gaussian());
        values.push(rng.gaussian());
        mask.push(1);
      } else {
        lp.push(-10 * rng.next());
        ref.push(-10 * rng.next());
        values.push(5 + 5 * rng.next());
        mask.push(0);
      }
    }
  }
  const scores = Array.from({ length: B }, () => scoreScale * rng.gaussian());
  return {
    name,
    public: false,
    args: [tensorSpec(lp, [B, T]), tensorSpec(ref, [B, T]), tensorSpec(scores, [B]), tensorSpec(values, [B, T]), tensorSpec(mask, [B, T]), beta, gamma, lam, whiten],
  };
}

function randomLengths(rng: Rng, B: number, T: number): number[] {
  return Array.from({ length: B }, () => rng.int(1, T));
}

function cases(rng: Rng): CaseSpec[] {
  return [
    {
      name: 'example 1: one response of 3 tokens + 1 padding, γ = 1, no whitening',
      public: true,
      args: [
        tensorSpec([-1, -0.5, -2, -0.3], [1, 4]),
        tensorSpec([-1.2, -0.5, -1.5, -3], [1, 4]),
        tensorSpec([1], [1]),
        tensorSpec([0.5, 0.4, 0.6, 9.9], [1, 4]),
        tensorSpec([1, 1, 1, 0], [1, 4]),
        0.1, 1, 0.95, false,
      ],
    },
    {
      name: 'example 2: two responses (lengths 3 and 1), whitened',
      public: true,
      args: [
        tensorSpec([-0.5, -1, -0.2, -2, -0.7, -0.1], [2, 3]),
        tensorSpec([-0.7, -0.9, -0.2, -1, -3, -4], [2, 3]),
        tensorSpec([0.5, -1], [2]),
        tensorSpec([0.2, 0.1, 0.3, -0.5, 5, 5], [2, 3]),
        tensorSpec([1, 1, 1, 1, 0, 0], [2, 3]),
        0.05, 0.99, 0.9, true,
      ],
    },
    batch(rng, 'hidden: 4 responses of different lengths, no whitening', [7, 3, 10, 5], 10, { gamma: 0.99, lam: 0.95 }),
    batch(rng, 'hidden: 4 responses of different lengths, whitened', [7, 3, 10, 5], 10, { gamma: 0.99, lam: 0.95, whiten: true }),
    batch(rng, 'hidden: batch 1, no padding', [8], 8, { gamma: 0.97, lam: 0.9 }),
    batch(rng, 'hidden: responses of length 1 (KL term and score on the same token)', [1, 1, 3], 4, { lam: 0.9 }),
    batch(rng, 'hidden: β = 0 (only the score)', [6, 4, 2], 6, { beta: 0, gamma: 0.99 }),
    batch(rng, 'hidden: λ = 0 (one-step TD advantages)', [5, 6, 2], 6, { lam: 0, gamma: 0.95 }),
    batch(rng, 'hidden: λ = 1, γ = 1 (Monte-Carlo returns minus values)', [5, 3, 6], 6, { lam: 1, gamma: 1, whiten: true }),
    batch(rng, 'hidden: rows without padding, whitened', [6, 6, 6], 6, { gamma: 0.99, lam: 0.95, whiten: true }),
    batch(rng, 'hidden: large β, policy far from the reference', [4, 7, 5], 8, { beta: 0.5, drift: 2, gamma: 0.99, lam: 0.9 }),
    batch(rng, 'hidden: long responses (T = 48), whitened', randomLengths(rng, 6, 48), 48, { gamma: 0.99, lam: 0.95, whiten: true, beta: 0.05 }),
    batch(rng, 'hidden: batch 1 with a single real token, whitened (variance 0: advantage 0)', [1], 3, { whiten: true }),
    batch(rng, 'hidden: mostly padding, whitened', [2, 1, 3, 1], 12, { gamma: 0.9, lam: 0.8, whiten: true }),
    ...[1, 2, 3].map((i) => {
      const T = rng.int(1, 12);
      return batch(rng, `hidden: random ${i}`, randomLengths(rng, rng.int(1, 5), T), T, {
        beta: rng.pick([0, 0.02, 0.1, 0.2]),
        gamma: rng.pick([0.9, 0.99, 1]),
        lam: rng.pick([0.8, 0.95, 1]),
        whiten: rng.next() < 0.5,
      });
    }),
  ];
}

const perToken = tensorOf('float32', (args) => shapeOf(args, 0));

export default defineProblem({
  id: 'rl/ppo-kl-reward-shaping',
  entry: 'ppoRewardShaping',
  argNames: ['logProbs', 'refLogProbs', 'scores', 'values', 'responseMask', 'beta', 'gamma', 'lam', 'whiten'],
  reference: ppoRewardShaping,
  output: objectOf({ rewards: perToken, advantages: perToken, returns: perToken }),
  cases,
  mistakes: [
    {
      id: 'score-on-last-position',
      title: 'score added at position T − 1 instead of the last real token',
      explanation: 'With right padding the response ends at L_b − 1 (the last 1 of the mask), not at T − 1. The reward-model score belongs on that token; a padding slot is never part of the episode.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-sign-flipped',
      title: 'KL penalty with the wrong sign',
      explanation: 'The per-token reward is −β·(log π − log π_ref): tokens the policy likes more than the reference pay a cost. With +β the policy is rewarded for drifting away.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-on-padding',
      title: 'KL penalty applied on padding positions',
      explanation: 'Only real response tokens get a reward. Leave rewards at 0 for t ≥ L_b; the log-probs stored there are meaningless.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bootstrap-from-padding',
      title: 'last real token bootstraps from the value at a padding position',
      explanation: 'The episode ends after token L_b − 1, so its next value is 0. values[b, L_b] is the critic\'s output on a padding token and must not leak into δ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gae-no-lambda',
      title: 'λ missing from the GAE recursion',
      explanation: 'A_t = δ_t + γλ·A_{t+1}. Without λ the advantages are Monte-Carlo returns minus values (the high-variance end of GAE) whatever λ is.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gae-forward',
      title: 'GAE accumulated forwards in time',
      explanation: 'Each advantage sums the future TD errors: run the recursion from t = L_b − 1 down to 0, carrying A_{t+1} backwards.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-from-whitened',
      title: 'returns computed from the whitened advantages',
      explanation: 'The critic\'s targets are R = A + V with the raw advantages. Compute the returns before whitening; whitening only rescales what the policy loss sees.',
      diagnostic: 'mismatch',
    },
    {
      id: 'whiten-includes-padding',
      title: 'whitening statistics include the padding zeros',
      explanation: 'Mean and variance are taken over the real tokens only; the zeros at padding positions are not advantages and would pull the mean towards 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'whiten-ignored',
      title: 'whiten flag ignored (never whitened)',
      explanation: 'When whiten is true, return (A − μ)/sqrt(σ² + 1e-8) over the real tokens of the batch as the advantages.',
      diagnostic: 'mismatch',
    },
    {
      id: 'whiten-sample-variance',
      title: 'sample variance (n − 1) instead of the population variance',
      explanation: 'The statement whitens with the population variance: Σ(A − μ)² / n over the n real tokens.',
      diagnostic: 'mismatch',
    },
    {
      id: 'advantages-on-padding',
      title: 'whitened advantages not zeroed on padding',
      explanation: 'After whitening, padding positions must still be 0; (0 − μ)/σ there would give padding tokens a policy gradient.',
      diagnostic: 'mismatch',
    },
  ],
});
