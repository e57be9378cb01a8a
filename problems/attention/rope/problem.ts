import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { applyRope } from './reference';

function random(rng: Rng, b: number, heads: number, t: number, d: number, offset: number, base = 10000): ArgSpec[] {
  return [rng.normal([b, heads, t, d]), offset, base];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: dHead = 2, one token at position 1', public: true, args: [tensorSpec([1, 0], [1, 1, 1, 2]), 1, 10000] },
    {
      name: 'example 2: dHead = 4, positions 0 and 1',
      public: true,
      args: [tensorSpec([1, 2, 3, 4, 1, 2, 3, 4], [1, 1, 2, 4]), 0, 10000],
    },
    { name: 'example 3: batch 2, 2 heads, offset 3', public: true, args: random(rng, 2, 2, 4, 8, 3) },
    { name: 'hidden: batch 1, offset 0', public: false, args: random(rng, 1, 2, 5, 8, 0) },
    { name: 'hidden: single decoding step (t = 1) at position 37', public: false, args: random(rng, 2, 4, 1, 16, 37) },
    { name: 'hidden: dHead = 2', public: false, args: random(rng, 2, 3, 4, 2, 5) },
    { name: 'hidden: one head', public: false, args: random(rng, 3, 1, 6, 8, 2) },
    { name: 'hidden: dHead = 64', public: false, args: random(rng, 1, 2, 3, 64, 10) },
    { name: 'hidden: LLaMA-3 base 500000', public: false, args: random(rng, 2, 2, 4, 16, 12, 500000) },
    { name: 'hidden: small base 100', public: false, args: random(rng, 1, 2, 5, 8, 4, 100) },
    { name: 'hidden: prefill chunk after a cache of 20', public: false, args: random(rng, 2, 2, 6, 12, 20) },
    { name: 'hidden: late position (offset 100)', public: false, args: random(rng, 1, 3, 4, 8, 100) },
    { name: 'hidden: dHead = 6 (odd number of pairs)', public: false, args: random(rng, 2, 2, 3, 6, 7) },
  ];
  for (let i = 0; i < 3; i++) {
    const d = rng.pick([2, 4, 6, 8, 12, 16, 32]);
    list.push({
      name: `hidden: random shapes ${i + 1}`,
      public: false,
      args: random(rng, rng.int(1, 3), rng.int(1, 4), rng.int(1, 8), d, rng.int(0, 64), rng.pick([10000, 10000, 1000000])),
    });
  }
  return list;
}

export default defineProblem({
  id: 'attention/rope',
  entry: 'applyRope',
  argNames: ['x', 'offset', 'base'],
  reference: applyRope,
  // [b, heads, t, dHead] float32: x's shape.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'interleaved-pairs',
      title: 'adjacent features (2i, 2i+1) rotated together instead of (i, i + dHead/2)',
      explanation: 'That is the GPT-J / original RoFormer layout. This problem uses rotate-half (GPT-NeoX, LLaMA in Hugging Face): split the last axis into halves x1, x2 and rotate each (x1[i], x2[i]) pair.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rotation-sign-flipped',
      title: 'rotation in the wrong direction (sign of sin flipped)',
      explanation: 'rotate_half(x) is [−x2, x1], giving out1 = x1·cos − x2·sin and out2 = x2·cos + x1·sin. [x2, −x1] rotates by −angle.',
      diagnostic: 'mismatch',
    },
    {
      id: 'theta-exponent-off',
      title: 'frequency exponent −i/dHead instead of −2i/dHead',
      explanation: 'θ_i = base^(−2i/dHead) for i = 0 … dHead/2 − 1, so the lowest frequency approaches 1/base. Without the 2 the frequencies decay half as fast.',
      diagnostic: 'mismatch',
    },
    {
      id: 'offset-ignored',
      title: 'positions start at 0 regardless of the offset',
      explanation: 'Time step j is at position offset + j (e.g. after a KV cache of length offset). Ignoring it gives every decoding step the encoding of the first positions.',
      diagnostic: 'mismatch',
    },
    {
      id: 'frequencies-interleaved',
      title: 'frequencies repeat-interleaved while pairing by halves',
      explanation: 'With rotate-half, column c uses θ_(c mod dHead/2): the frequency table is [θ, θ] concatenated, not each θ repeated twice in place. Mixing the two conventions rotates pairs by mismatched angles.',
      diagnostic: 'mismatch',
    },
    {
      id: 'positions-start-at-one',
      title: 'positions counted from 1 (offset + j + 1 instead of offset + j)',
      explanation: 'Time step j is at position offset + j: the first token of an empty cache is at position 0 and is not rotated at all.',
      diagnostic: 'mismatch',
    },
    {
      id: 'frequencies-not-repeated',
      title: 'a separate frequency for every column instead of dHead/2 frequencies used by both halves',
      explanation: 'There are only dHead/2 frequencies θ_i = base^(−2i/dHead), i < dHead/2; feature i and feature i + dHead/2 are one pair and rotate by the same angle, so the table is [θ, θ].',
      diagnostic: 'mismatch',
    },
    {
      id: 'cos-sin-swapped',
      title: 'cos and sin swapped',
      explanation: 'out = x·cos(pθ) + rotate_half(x)·sin(pθ): at position 0 the rotation is the identity (cos 0 = 1, sin 0 = 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'rotate-half-not-negated',
      title: 'rotate_half without the minus sign: [x2, x1] instead of [−x2, x1]',
      explanation: 'The first half rotates as x1·cos − x2·sin, so rotate_half(x) must be [−x2, x1]. Without the negation the map is no longer a rotation.',
      diagnostic: 'mismatch',
    },
    {
      id: 'exponent-sign-flipped',
      title: 'frequencies base^(+2i/dHead) instead of base^(−2i/dHead)',
      explanation: 'θ_i = base^(−2i/d) = 1 / base^(2i/d): the first pair turns fastest and later pairs ever more slowly. A positive exponent makes the frequencies grow instead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'all-positions-at-offset',
      title: 'every time step rotated as if it were at position offset',
      explanation: 'Row j of the time axis is at position offset + j: add the row index to the offset, so each token gets its own angle.',
      diagnostic: 'mismatch',
    },
    {
      id: 'frequency-index-from-one',
      title: 'pair index counted from 1: θ_i = base^(−2(i+1)/dHead)',
      explanation: 'Pairs are numbered from 0, so the first pair has θ_0 = base^0 = 1. Counting from 1 shifts every frequency down by one step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'base-hard-coded',
      title: 'base hard-coded to 10000 instead of the base argument',
      explanation: 'Use the base passed in: LLaMA 3 uses 500000 and the hidden cases also try 100 and 1000000.',
      diagnostic: 'mismatch',
    },
    {
      id: 'exponent-over-half-dim',
      title: 'frequency exponent −2i/(dHead/2) instead of −2i/dHead',
      explanation: 'θᵢ = base^(−2i/dHead) for i = 0..dHead/2−1; dividing by the half width doubles the exponent, so the frequencies fall off far too fast (i/half alone would be right).',
      diagnostic: 'mismatch',
    },
  ],
});
