import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { vitPatchEmbed } from './reference';

/** Random images [B, C, H, W] and parameters for patch size P and width D. */
function randomCase(rng: Rng, name: string, B: number, C: number, H: number, W: number, P: number, D: number): CaseSpec {
  if (H % P || W % P) throw new Error(`${name}: ${H}×${W} is not a multiple of P = ${P}`);
  const N = (H / P) * (W / P);
  const K = C * P * P;
  return {
    name,
    public: false,
    args: [
      rng.normal([B, C, H, W]),
      P,
      rng.normal([K, D], 1 / Math.sqrt(K)),
      rng.normal([D], 0.5),
      rng.normal([D]),
      rng.normal([1 + N, D], 0.5),
    ],
  };
}

function cases(rng: Rng): CaseSpec[] {
  return [
    {
      name: 'example 1: one 4×4 grey image, P = 2, D = 2',
      public: true,
      args: [
        tensorSpec(Array.from({ length: 16 }, (_, i) => i), [1, 1, 4, 4]),
        2,
        tensorSpec([1, 0, 1, 1, 1, 0, 1, 0], [4, 2]),
        tensorSpec([0.5, -1], [2]),
        tensorSpec([1, 1], [2]),
        tensorSpec([0, 0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4], [5, 2]),
      ],
    },
    {
      name: 'example 2: two channels, a 2×4 image (two patches), D = 1',
      public: true,
      args: [
        tensorSpec([1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 30, 40, 50, 60, 70, 80], [1, 2, 2, 4]),
        2,
        tensorSpec([1, 0, 0, 0, 0.1, 0, 0, 0], [8, 1]),
        tensorSpec([0], [1]),
        tensorSpec([-1], [1]),
        tensorSpec([0, 10, 20], [3, 1]),
      ],
    },
    { ...randomCase(rng, 'example 3: RGB batch of 2, 8×8, P = 4, D = 6', 2, 3, 8, 8, 4, 6), public: true },
    randomCase(rng, 'hidden: batch 1, RGB 12×12, P = 4 (3×3 grid), D = 16', 1, 3, 12, 12, 4, 16),
    randomCase(rng, 'hidden: non-square image 6×12, P = 3 (2×4 grid)', 2, 3, 6, 12, 3, 8),
    randomCase(rng, 'hidden: non-square image 12×4, P = 2 (6×2 grid)', 2, 2, 12, 4, 2, 5),
    randomCase(rng, 'hidden: one patch covers the image (P = H = W, N = 1)', 3, 3, 4, 4, 4, 7),
    randomCase(rng, 'hidden: P = 1 (every pixel a patch)', 2, 3, 3, 4, 1, 4),
    randomCase(rng, 'hidden: one channel (C = 1)', 2, 1, 6, 6, 3, 5),
    randomCase(rng, 'hidden: many channels (C = 5), P = 2', 2, 5, 4, 6, 2, 6),
    randomCase(rng, 'hidden: realistic size, 3×32×32, P = 8, D = 32', 2, 3, 32, 32, 8, 32),
    randomCase(rng, 'hidden: D = 1', 2, 3, 4, 4, 2, 1),
    ...[1, 2, 3].map((i) => {
      const P = rng.int(1, 4);
      return randomCase(rng, `hidden: random shapes ${i}`, rng.int(1, 3), rng.int(1, 4), P * rng.int(1, 4), P * rng.int(1, 4), P, rng.int(1, 8));
    }),
  ];
}

export default defineProblem({
  id: 'attention/vit-patch-embed',
  entry: 'vitPatchEmbed',
  argNames: ['images', 'patchSize', 'weight', 'bias', 'cls', 'pos'],
  reference: vitPatchEmbed,
  // [B, 1 + N, D] float32: B from images, 1 + N and D from pos [1 + N, D].
  output: tensorOf('float32', (args) => [shapeOf(args, 0)[0], ...shapeOf(args, 5)]),
  cases,
  mistakes: [
    {
      id: 'flatten-channels-last',
      title: 'patch flattened as (py, px, c) instead of (c, py, px)',
      explanation:
        'The statement fixes the flattening order of a patch to channel first, then row, then column: index c·P·P + py·P + px (the layout of a Conv2d weight [D, C, P, P]). Moving the channel axis last (channels-last / NHWC habits) pairs every pixel with the wrong row of weight.',
      diagnostic: 'mismatch',
    },
    {
      id: 'flatten-patch-transposed',
      title: 'pixels inside a patch flattened column by column (c, px, py)',
      explanation: 'Within a channel the pixels of a patch are read row by row: index py·P + px. Check the transpose that brings the two P axes together: it must keep py before px.',
      diagnostic: 'mismatch',
    },
    {
      id: 'patches-column-major',
      title: 'patches ordered column by column over the grid',
      explanation: 'Patch n = i·(W/P) + j is the patch in grid row i, column j: go along a row of patches first (row-major), like reading text.',
      diagnostic: 'mismatch',
    },
    {
      id: 'reshape-without-transpose',
      title: 'image reshaped straight to [B, N, C·P·P] (no transpose)',
      explanation:
        'A reshape never moves data: reshaping [B, C, H, W] to [B, N, C·P·P] cuts the flat buffer into runs of consecutive pixels, not into P×P squares. Reshape to [B, C, H/P, P, W/P, P] and transpose to [B, H/P, W/P, C, P, P] first.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cls-appended',
      title: '[CLS] appended after the patches instead of prepended',
      explanation: 'The [CLS] token is token 0: concat [cls, patches] along the token axis, so pos[0] belongs to [CLS] and pos[1 + n] to patch n.',
      diagnostic: 'mismatch',
    },
    {
      id: 'positions-before-cls',
      title: 'positions added to the patches before [CLS] is prepended',
      explanation: 'Adding pos[0 .. N−1] to the patches and then prepending a bare [CLS] shifts every position by one and leaves [CLS] without pos[0]. Prepend [CLS] first, then add the whole [1 + N, D] table.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cls-without-position',
      title: '[CLS] gets no position embedding',
      explanation: 'The position table has 1 + N rows: row 0 is for [CLS]. Add pos to the full sequence, [CLS] included.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-on-cls',
      title: 'projection bias added to [CLS] too',
      explanation: 'Only patches go through the linear projection (weight and bias); [CLS] is a learned vector used as is, plus pos[0].',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-bias',
      title: 'projection bias missing',
      explanation: 'Each patch embedding is patch · weight + bias.',
      diagnostic: 'mismatch',
    },
  ],
});
