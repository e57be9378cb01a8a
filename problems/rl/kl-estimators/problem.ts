import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { klEstimators } from './reference';

/** Draws one token per position from softmax(logits) (computed stably in float64). */
function sample(rng: Rng, logits: TensorSpec): TensorSpec {
  const [B, T, V] = logits.shape;
  const tokens: number[] = [];
  for (let i = 0; i < B * T; i++) {
    const row = Array.from(logits.data.subarray(i * V, (i + 1) * V));
    const max = Math.max(...row);
    const w = row.map((z) => Math.exp(z - max));
    let u = rng.next() * w.reduce((a, b) => a + b, 0);
    let v = 0;
    while (v < V - 1 && u >= w[v]) u -= w[v++];
    tokens.push(v);
  }
  return tensorSpec(tokens, [B, T], 'int32');
}

/** Policy logits N(0, scale²); reference = policy + N(0, (scale·drift)²). */
function hidden(rng: Rng, name: string, B: number, T: number, V: number, scale = 1.5, drift = 0.5): CaseSpec {
  const policy = rng.normal([B, T, V], scale);
  const ref = tensorSpec(Array.from(policy.data, (z) => z + scale * drift * rng.gaussian()), [B, T, V]);
  return { name, public: false, args: [policy, ref, sample(rng, policy)] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one sequence of 2 positions, V = 3',
      public: true,
      args: [tensorSpec([2, 0, -1, 0.5, 0, 0], [1, 2, 3]), tensorSpec([1, 1, 0, 1, -1, 0], [1, 2, 3]), tensorSpec([0, 2], [1, 2], 'int32')],
    },
    {
      name: 'example 2: two sequences of 1 position, V = 4 (k1 negative)',
      public: true,
      args: [tensorSpec([1, 0, 0, -1, 0, 3, 0, 0], [2, 1, 4]), tensorSpec([0, 2, 0, 0, 0, 0, 0, 0], [2, 1, 4]), tensorSpec([1, 0], [2, 1], 'int32')],
    },
    hidden(rng, 'hidden: [3, 6] positions, V = 10', 3, 6, 10),
    hidden(rng, 'hidden: batch 1, T = 1', 1, 1, 7),
    hidden(rng, 'hidden: V = 2', 4, 3, 2),
    hidden(rng, 'hidden: large vocabulary (V = 300)', 2, 3, 300, 2),
    hidden(rng, 'hidden: policy far from the reference', 2, 5, 8, 2, 2),
    hidden(rng, 'hidden: policy close to the reference', 2, 5, 8, 1, 0.05),
  ];
  {
    // Policy = reference: every KL and every estimator is exactly 0.
    const policy = rng.normal([2, 4, 6], 2);
    list.push({ name: 'hidden: policy = reference (everything exactly 0)', public: false, args: [policy, tensorSpec(Array.from(policy.data), [2, 4, 6]), sample(rng, policy)] });
  }
  {
    // Logits of scale ±1000: some probabilities are 0 even in float64, so 0·log 0 appears in a naive KL.
    const spec = hidden(rng, 'hidden: logits of scale ±1000 (log-softmax must be stable)', 2, 3, 6, 500, 0.5);
    const [policy, ref] = spec.args as TensorSpec[];
    const V = 6;
    let underflow = false;
    for (const t of [policy, ref]) {
      for (let i = 0; i < t.data.length / V; i++) {
        const row = Array.from(t.data.subarray(i * V, (i + 1) * V));
        if (Math.max(...row) - Math.min(...row) > 800) underflow = true;
      }
    }
    if (!underflow) throw new Error('kl-estimators: the large-logit case needs a probability that underflows in float64');
    list.push(spec);
  }
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 4), rng.int(1, 8), rng.int(2, 30), 0.5 + 2 * rng.next(), 0.1 + rng.next()));
  }
  return list;
}

const perPosition = tensorOf('float32', (args) => shapeOf(args, 2));

export default defineProblem({
  id: 'rl/kl-estimators',
  entry: 'klEstimators',
  argNames: ['policyLogits', 'refLogits', 'sampledTokens'],
  reference: klEstimators,
  output: objectOf({ reverse: perPosition, forward: perPosition, k1: perPosition, k2: perPosition, k3: perPosition }),
  cases,
  mistakes: [
    {
      id: 'directions-swapped',
      title: 'forward and reverse KL swapped',
      explanation:
        'reverse = KL(p ‖ q) = Σ p (log p − log q) is weighted by the policy p; forward = KL(q ‖ p) = Σ q (log q − log p) by the reference q. The first argument of the KL is the distribution the expectation is under.',
      diagnostic: 'mismatch',
    },
    {
      id: 'naive-log-softmax',
      title: 'log(softmax(z)) instead of a stable log-softmax',
      explanation:
        'For logits of scale 1000 some probabilities are exactly 0 and log(0) = −Infinity; p·(log p − log q) is then 0·(−Infinity) = NaN. Use tf.logSoftmax and write the terms as exp(logP)·(logP − logQ).',
      diagnostic: 'non-finite',
    },
    {
      id: 'k1-sign',
      title: 'k1 with the wrong sign (log q − log p)',
      explanation: 'k1 = log p(x) − log q(x) = −r: its expectation under p is KL(p ‖ q). With log q − log p it estimates −KL.',
      diagnostic: 'mismatch',
    },
    {
      id: 'k3-wrong-ratio',
      title: 'k3 built from log p − log q instead of log q − log p',
      explanation: 'k3 = e^r − 1 − r with r = log q(x) − log p(x); the control variate e^r − 1 has mean 0 under p only for that ratio. With the ratio inverted it no longer estimates KL(p ‖ q).',
      diagnostic: 'mismatch',
    },
    {
      id: 'k2-no-half',
      title: 'k2 missing the factor ½',
      explanation: 'k2 = ½ r²: the ½ makes it agree with the KL to second order when p and q are close.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-wrong-axis',
      title: 'log-softmax over the time axis instead of the vocabulary',
      explanation: 'Each position\'s logits are a distribution over the V tokens: tf.logSoftmax(logits, -1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'exact-kl-unweighted',
      title: 'exact KL as an unweighted mean of the log-ratio over the vocabulary',
      explanation: 'The KL is an expectation: weight each token\'s log-ratio by its probability, Σ_v p_v (log p_v − log q_v), and sum over v.',
      diagnostic: 'mismatch',
    },
    {
      id: 'raw-logits-ratio',
      title: 'log-ratio of the sampled token taken from raw logits',
      explanation: 'Logits are only defined up to a per-position constant; the estimators need log-probabilities, logSoftmax(ref) − logSoftmax(policy), at the sampled token.',
      diagnostic: 'mismatch',
    },
    {
      id: 'reverse-sign',
      title: 'log-ratio inverted inside the exact KLs (both negative)',
      explanation: 'KL(p ‖ q) = Σ p (log p − log q) ≥ 0: the log of the distribution you weight by comes first.',
      diagnostic: 'mismatch',
    },
  ],
});
