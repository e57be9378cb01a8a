import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { scaledRope } from './reference';

type Method = 'linear' | 'ntk';

function random(rng: Rng, b: number, heads: number, t: number, d: number, offset: number, scale: number, method: Method, base = 10000): ArgSpec[] {
  if (d < 4 || d % 2 !== 0) throw new Error(`case generator: dHead ${d} must be even and at least 4`);
  if (offset + t - 1 > 200) throw new Error(`case generator: positions must stay at most 200, got ${offset + t - 1}`);
  return [rng.normal([b, heads, t, d]), offset, base, scale, method];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: linear, scale 2, one token at position 2',
      public: true,
      args: [tensorSpec([1, 0, 0, 0], [1, 1, 1, 4]), 2, 10000, 2, 'linear'],
    },
    {
      name: 'example 2: ntk, scale 4, dHead = 4, positions 0 and 1',
      public: true,
      args: [tensorSpec([1, 2, 3, 4, 1, 2, 3, 4], [1, 1, 2, 4]), 0, 10000, 4, 'ntk'],
    },
    { name: 'example 3: ntk, batch 2, 2 heads, scale 4, offset 5', public: true, args: random(rng, 2, 2, 4, 8, 5, 4, 'ntk') },
    { name: 'hidden: linear, scale 4, dHead = 64, offset 120', public: false, args: random(rng, 1, 2, 4, 64, 120, 4, 'linear') },
    { name: 'hidden: ntk, scale 4, dHead = 64, offset 120', public: false, args: random(rng, 1, 2, 4, 64, 120, 4, 'ntk') },
    { name: 'hidden: ntk, dHead = 4 (exponent 2), scale 8', public: false, args: random(rng, 2, 2, 5, 4, 30, 8, 'ntk') },
    { name: 'hidden: linear, scale 1 (plain RoPE)', public: false, args: random(rng, 2, 2, 4, 8, 10, 1, 'linear') },
    { name: 'hidden: ntk, scale 1 (plain RoPE)', public: false, args: random(rng, 2, 2, 4, 8, 10, 1, 'ntk') },
    { name: 'hidden: linear, non-integer scale 2.5', public: false, args: random(rng, 2, 3, 6, 16, 40, 2.5, 'linear') },
    { name: 'hidden: ntk, non-integer scale 2.5', public: false, args: random(rng, 2, 3, 6, 16, 40, 2.5, 'ntk') },
    { name: 'hidden: ntk, single decoding step (t = 1) at position 190, scale 16', public: false, args: random(rng, 2, 4, 1, 32, 190, 16, 'ntk') },
    { name: 'hidden: linear, single decoding step (t = 1) at position 190, scale 16', public: false, args: random(rng, 2, 4, 1, 32, 190, 16, 'linear') },
    { name: 'hidden: linear, base 500000, scale 8, prefill chunk after a cache of 64', public: false, args: random(rng, 1, 2, 8, 16, 64, 8, 'linear', 500000) },
    { name: 'hidden: ntk, base 500000, scale 8, prefill chunk after a cache of 64', public: false, args: random(rng, 1, 2, 8, 16, 64, 8, 'ntk', 500000) },
    { name: 'hidden: ntk, dHead = 6 (odd number of pairs), scale 3', public: false, args: random(rng, 2, 2, 3, 6, 7, 3, 'ntk') },
    { name: 'hidden: ntk, dHead = 128, batch 1, one head', public: false, args: random(rng, 1, 1, 3, 128, 150, 2, 'ntk') },
    { name: 'hidden: linear, offset 0, batch 1, one head', public: false, args: random(rng, 1, 1, 6, 8, 0, 4, 'linear') },
  ];
  for (let i = 0; i < 4; i++) {
    const t = rng.int(1, 8);
    list.push({
      name: `hidden: random shapes ${i + 1}`,
      public: false,
      args: random(rng, rng.int(1, 3), rng.int(1, 4), t, rng.pick([4, 8, 12, 16, 32]), rng.int(0, 100), rng.pick([2, 4, 8, 1.5]), i % 2 === 0 ? 'linear' : 'ntk'),
    });
  }
  return list;
}

export default defineProblem({
  id: 'attention/rope-scaling',
  entry: 'scaledRope',
  argNames: ['x', 'offset', 'base', 'scale', 'method'],
  reference: scaledRope,
  // [b, heads, t, dHead] float32: x's shape.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'linear-positions-multiplied',
      title: 'linear interpolation multiplies positions by the scale instead of dividing',
      explanation: 'Position interpolation squeezes the longer context into the trained range: position p is used as p / s, so position 2s looks like position 2. Multiplying by s pushes positions further out of range.',
      diagnostic: 'mismatch',
    },
    {
      id: 'linear-offset-not-scaled',
      title: 'linear interpolation divides only the index inside the chunk, not the offset',
      explanation: 'Every position is divided by s, the cached ones included: the angle uses (offset + j) / s, not offset + j / s.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ntk-base-times-scale',
      title: 'NTK base multiplied by s instead of s^(d/(d−2))',
      explanation: "NTK-aware scaling uses base' = base · s^(d/(d−2)); the exponent is what makes the lowest frequency slow down by exactly s while the highest stays unchanged.",
      diagnostic: 'mismatch',
    },
    {
      id: 'ntk-exponent-inverted',
      title: 'NTK exponent (d−2)/d instead of d/(d−2)',
      explanation: "base' = base · s^(d/(d−2)), an exponent slightly above 1 (2 for d = 4). With (d−2)/d the lowest frequency is slowed by less than s, so the extended context no longer maps onto the trained range.",
      diagnostic: 'mismatch',
    },
    {
      id: 'ntk-also-interpolates',
      title: 'NTK scaling also divides the positions by s',
      explanation: "NTK-aware scaling changes only the base; positions stay p. Dividing them by s as well applies both methods at once and slows every frequency by more than s.",
      diagnostic: 'mismatch',
    },
    {
      id: 'methods-swapped',
      title: "'linear' and 'ntk' swapped",
      explanation: "method 'linear' divides positions by s (position interpolation); method 'ntk' keeps positions and raises the base to base · s^(d/(d−2)).",
      diagnostic: 'mismatch',
    },
    {
      id: 'interleaved-pairs',
      title: 'adjacent features (2i, 2i+1) rotated together instead of (i, i + dHead/2)',
      explanation: 'This problem uses the rotate-half pairing: feature i rotates with feature i + dHead/2 by angle p·θ_i. Pairing adjacent features is the GPT-J convention and gives different numbers.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rotation-sign-flipped',
      title: 'rotation in the wrong direction (sign of sin flipped)',
      explanation: 'out₁ = x₁·cos − x₂·sin and out₂ = x₂·cos + x₁·sin, i.e. rotate_half(x) = [−x₂, x₁]. Using [x₂, −x₁] rotates by minus the angle.',
      diagnostic: 'mismatch',
    },
  ],
});
