import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../forbidden';
import { attentionBackward } from './reference';

function randomCase(rng: Rng, name: string, batch: number[], tq: number, tk: number, d: number, dv: number, scale = 1): CaseSpec {
  return {
    name,
    public: false,
    args: [rng.normal([...batch, tq, d], scale), rng.normal([...batch, tk, d], scale), rng.normal([...batch, tk, dv]), rng.normal([...batch, tq, dv])],
  };
}

/**
 * Scores of magnitude ≈ 800–1000, positive in batch 0 and negative in batch 1: exp without the row
 * max shift overflows to Infinity (or underflows every key to 0, then 0/0) even in float64, whose
 * exp overflows above ≈ 709. Built from dyadic values (d = 4, so √d = 2) that make every score
 * exact in float32, so all correct implementations agree to float32 rounding; keys a few units
 * apart keep the softmax non-trivial. Throws if the data loses these properties.
 */
function largeScoresCase(rng: Rng, name: string): CaseSpec {
  const [B, tq, tk, d, dv] = [2, 3, 5, 4, 3];
  const small = () => rng.int(-16, 16) / 16;
  const q: number[] = [];
  const k: number[] = [];
  for (let b = 0; b < B; b++) {
    const sign = b === 0 ? 1 : -1;
    for (let i = 0; i < tq; i++) q.push(sign * rng.int(1600, 2000), small(), small(), small());
    for (let j = 0; j < tk; j++) k.push(1 - rng.int(0, 7) / 512, small(), small(), small());
  }
  let nonTrivialRows = 0;
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < tq; i++) {
      const scores = Array.from({ length: tk }, (_, j) => {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q[(b * tq + i) * d + c] * k[(b * tk + j) * d + c];
        return dot / Math.sqrt(d);
      });
      const max = Math.max(...scores);
      if (scores.some((x) => Math.fround(x) !== x)) throw new Error(`attention-backward: "${name}" has a score that is not exact in float32`);
      if (!(max >= 750 || max <= -750)) throw new Error(`attention-backward: row ${b}/${i} of "${name}" would not overflow exp in float64`);
      const weights = scores.map((x) => Math.exp(x - max));
      const total = weights.reduce((a, w) => a + w, 0);
      if (weights.filter((w) => w / total >= 0.01).length >= 2) nonTrivialRows++;
    }
  }
  if (nonTrivialRows === 0) throw new Error(`attention-backward: every row of "${name}" has a one-hot softmax`);
  return {
    name,
    public: false,
    args: [tensorSpec(q, [B, tq, d]), tensorSpec(k, [B, tk, d]), rng.normal([B, tk, dv]), rng.normal([B, tq, dv])],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: tq = 2, tk = 3, d = dv = 2',
      public: true,
      args: [
        tensorSpec([1, 0, 0, 1], [2, 2]),
        tensorSpec([1, 0, 0, 1, 1, 1], [3, 2]),
        tensorSpec([1, 0, 0, 1, 1, 1], [3, 2]),
        tensorSpec([1, 0, 0, -1], [2, 2]),
      ],
    },
    {
      name: 'example 2: one query, two keys',
      public: true,
      args: [tensorSpec([1, 0], [1, 2]), tensorSpec([1, 0, 0, 1], [2, 2]), tensorSpec([1, 2, 3, 4], [2, 2]), tensorSpec([1, 0], [1, 2])],
    },
  ];
  list.push(randomCase(rng, 'hidden: batch of 2, tq ≠ tk, dv ≠ d', [2], 3, 5, 4, 6));
  list.push(randomCase(rng, 'hidden: tq = tk (self-attention shape)', [1], 4, 4, 8, 8));
  list.push(randomCase(rng, 'hidden: batch and heads [2, 3]', [2, 3], 4, 5, 4, 3));
  list.push(randomCase(rng, 'hidden: no batch axis', [], 5, 3, 6, 2));
  list.push(randomCase(rng, 'hidden: a single key (P = 1, so dq = dk = 0)', [2], 3, 1, 4, 4));
  list.push(randomCase(rng, 'hidden: d = 1', [2], 3, 4, 1, 2));
  list.push(randomCase(rng, 'hidden: large d = 32', [1], 3, 4, 32, 4));
  list.push(randomCase(rng, 'hidden: peaked attention (large q, k)', [2], 4, 6, 8, 4, 3));
  list.push(largeScoresCase(rng, 'hidden: scores ≈ ±1000 (softmax must subtract the row max)'));
  for (let i = 0; i < 3; i++) {
    const batch = Array.from({ length: rng.int(0, 2) }, () => rng.int(1, 3));
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, batch, rng.int(1, 6), rng.int(2, 6), rng.int(1, 12), rng.int(1, 8)));
  }
  return list;
}

export default defineProblem({
  id: 'backprop/attention-backward',
  entry: 'attentionBackward',
  argNames: ['q', 'k', 'v', 'dOut'],
  reference: attentionBackward,
  // { dq, dk, dv }: the shapes of q, k, v (no dtype stated; float32 gradients).
  output: objectOf({
    dq: tensorOf('float32', (args) => shapeOf(args, 0)),
    dk: tensorOf('float32', (args) => shapeOf(args, 1)),
    dv: tensorOf('float32', (args) => shapeOf(args, 2)),
  }),
  cases,
  forbiddenApis: AUTODIFF_FORBIDDEN,
  mistakes: [
    {
      id: 'missing-scale',
      title: 'the 1/√d scale is missing from dq and dk',
      explanation: 'S = q·kᵀ/√d, so the chain rule carries the same factor: dq = dS·k/√d and dk = dSᵀ·q/√d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-backward-diagonal',
      title: 'softmax backward with only the diagonal of the Jacobian',
      explanation: 'Each row of P depends on the whole row of S: dS = P ⊙ (dP − Σ_keys(dP ⊙ P)), not P(1 − P)·dP.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-backward-wrong-axis',
      title: 'softmax backward summed over the query axis',
      explanation: 'The softmax normalizes over keys (last axis), so the row sum Σ dP ⊙ P in its backward runs over the last axis too (keepDims).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dq-dk-swapped',
      title: 'dq and dk formulas swapped (transposes mixed up)',
      explanation: 'S[i, j] = q_i · k_j / √d: dq = dS·k/√d has q\'s shape [tq, d] and dk = dSᵀ·q/√d has k\'s shape [tk, d].',
      diagnostic: 'shape',
    },
    {
      id: 'softmax-backward-no-correction',
      title: 'softmax backward without the row-sum correction: dS = P ⊙ dP',
      explanation: 'P ⊙ dP is only the diagonal part of the softmax Jacobian diag(P) − P Pᵀ. Subtract the P-weighted row sum: dS = P ⊙ (dP − Σ_keys(dP ⊙ P)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-backward-unweighted-sum',
      title: 'softmax backward with the row sum not weighted by P',
      explanation: 'The correction is the P-weighted row sum: dS = P ⊙ (dP − Σ_keys(dP ⊙ P)), keepDims over the key axis. Subtracting Σ_keys dP drops the weights.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-from-dv',
      title: 'scaled by 1/√d_v instead of 1/√d',
      explanation: 'The scores are q·kᵀ/√d with d the width of q and k (q.shape at −1); v\'s width d_v can differ and has nothing to do with the scale, in the forward recomputation or in dq and dk.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-inverted',
      title: 'dq and dk multiplied by √d instead of divided',
      explanation: 'S = q·kᵀ/√d, so ∂S/∂q brings the same 1/√d: dq = dS·k/√d and dk = dSᵀ·q/√d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax recomputed without subtracting the row max',
      explanation:
        'exp of a score in the hundreds overflows to Infinity (and exp of −1000 underflows to 0), so P becomes NaN. Subtract each row\'s max before exp, or use tf.softmax(S, -1).',
      diagnostic: 'non-finite',
    },
    {
      id: 'hardcoded-axis-1',
      title: 'softmax and its backward over a hard-coded axis 1',
      explanation: 'Axis 1 is the key axis only when there are no batch axes; with [b] or [b, heads] in front it is another axis. Use axis −1 (keepDims) for the max, the normalizing sum and the row sum Σ dP ⊙ P.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-by-d',
      title: 'scores scaled by 1/d instead of 1/√d',
      explanation: 'Scaled dot-product attention divides q·kᵀ by √d, both when recomputing P and in the chain factor of dq = dS·k/√d and dk = dSᵀ·q/√d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'forward-unscaled',
      title: 'P recomputed from q·kᵀ without the 1/√d scale',
      explanation: 'The backward pass must rebuild the same P as the forward: P = softmax(q·kᵀ/√d). Dropping the scale there gives the wrong attention weights, so dv, dq and dk are all off.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-backward-sign-flipped',
      title: 'softmax backward with the subtraction reversed: P ⊙ (Σ dP ⊙ P − dP)',
      explanation: 'The softmax Jacobian is diag(P) − P Pᵀ, so dS = P ⊙ (dP − Σ_keys dP ⊙ P); the reversed order flips the sign of dq and dk.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ds-missing-p-factor',
      title: 'softmax backward without the leading P ⊙',
      explanation: 'The softmax backward is dS = P ⊙ (dP − Σ_keys dP ⊙ P): after subtracting the weighted row sum, multiply elementwise by P again.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dv-scaled',
      title: 'dv multiplied by 1/√d',
      explanation: 'The 1/√d only scales the scores S. O = P·v is linear in v with no extra factor, so dv = Pᵀ·dO.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-queries',
      title: 'softmax over the query axis instead of the keys',
      explanation: "Each query's attention weights sum to 1 over the keys: normalize S over the last axis (tf.softmax(S, -1)) and take the row sum Σ dP ⊙ P over the last axis too.",
      diagnostic: 'mismatch',
    },
    AUTODIFF_MISTAKE,
    {
      id: 'dk-missing-scale',
      title: 'the 1/√d scale is missing from dk only',
      explanation: 'S = QKᵀ/√d depends on K through the same 1/√d as on Q, so dK = dSᵀQ/√d just like dQ = dS·K/√d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dq-missing-scale',
      title: 'the 1/√d scale is missing from dq only',
      explanation: 'S = QKᵀ/√d, so dQ = dS·K/√d; the 1/√d belongs on dq as well as on dk.',
      diagnostic: 'mismatch',
    },
    {
      id: 'backward-scale-twice',
      title: 'the 1/√d scale applied twice in the backward pass (on dS and again on dq, dk)',
      explanation: 'dS is the gradient w.r.t. the scaled scores S; the chain rule through S = QKᵀ/√d brings in 1/√d exactly once, in dQ = dS·K/√d and dK = dSᵀQ/√d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-backward-row-mean',
      title: 'softmax backward with the row mean of dP ⊙ P instead of the row sum',
      explanation: 'dS = P ⊙ (dP − Σ_keys dP ⊙ P): the correction is the full sum over the keys (the expected dP under P, already weighted by P); a mean divides it by t_k once more.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-backward-global-sum',
      title: 'softmax backward with Σ dP ⊙ P over the whole tensor instead of each query row',
      explanation: 'Each query row has its own softmax, so the correction Σ dP ⊙ P is summed over that row’s keys only (.sum(-1, true)); a total over all rows and batches mixes the rows.',
      diagnostic: 'mismatch',
    },
  ],
});
