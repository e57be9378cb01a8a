import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf, type ContractArgs } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { conv2d } from './reference';

type Pair = [number, number];

/** [N, Cout, Ho, Wo] with Ho = ⌊(H + 2pH − dH(kH − 1) − 1) / sH⌋ + 1, the same for W. */
function outputShape(args: ContractArgs): number[] {
  const [n, , h, w] = shapeOf(args, 0);
  const [cOut, , kh, kw] = shapeOf(args, 1);
  const [s, p, d] = args.slice(3, 6) as Pair[];
  return [n, cOut, Math.floor((h + 2 * p[0] - d[0] * (kh - 1) - 1) / s[0]) + 1, Math.floor((w + 2 * p[1] - d[1] * (kw - 1) - 1) / s[1]) + 1];
}

/**
 * A random case. Throws unless the shapes are valid: groups divides C and Cout, and the dilated
 * kernel fits in the padded input on both axes (Ho, Wo ≥ 1).
 */
function conv(
  rng: Rng,
  name: string,
  [n, c, h, w]: number[],
  [cOut, kh, kw]: number[],
  stride: Pair,
  padding: Pair,
  dilation: Pair,
  groups: number,
  isPublic = false,
): CaseSpec {
  if (c % groups !== 0 || cOut % groups !== 0) throw new Error(`conv2d case "${name}": groups ${groups} does not divide C ${c} and Cout ${cOut}`);
  const args = [
    rng.normal([n, c, h, w]),
    rng.normal([cOut, c / groups, kh, kw], 1 / Math.sqrt((c / groups) * kh * kw)),
    rng.normal([cOut], 0.5),
    stride,
    padding,
    dilation,
    groups,
  ];
  const [, , ho, wo] = outputShape(args);
  if (!(ho >= 1 && wo >= 1)) throw new Error(`conv2d case "${name}": the dilated kernel does not fit (Ho ${ho}, Wo ${wo})`);
  return { name, public: isPublic, args };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one channel, 2×2 kernel, no padding',
      public: true,
      args: [tensorSpec([1, 2, 0, 0, 1, 3, 2, 1, 1], [1, 1, 3, 3]), tensorSpec([1, 2, 0, -1], [1, 1, 2, 2]), tensorSpec([0.5], [1]), [1, 1], [0, 0], [1, 1], 1],
    },
    {
      name: 'example 2: two groups, stride 2, padding 1',
      public: true,
      args: [
        tensorSpec([1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 0, 2, 0, 3, 0, 4, 0, 5], [1, 2, 3, 3]),
        tensorSpec([1, 1, 1, 1, 2, 0, 0, -1], [2, 1, 2, 2]),
        tensorSpec([0, 1], [2]),
        [2, 2],
        [1, 1],
        [1, 1],
        2,
      ],
    },
    conv(rng, 'example 3: batch 2, 2×3 kernel, dilation 2, padding 1', [2, 3, 6, 7], [4, 2, 3], [1, 1], [1, 1], [2, 2], 1, true),
    conv(rng, 'hidden: batch 1, 3×3 kernel, padding 1 (same size)', [1, 4, 8, 8], [6, 3, 3], [1, 1], [1, 1], [1, 1], 1),
    conv(rng, 'hidden: stride 2, size not divisible (last row and column dropped)', [2, 3, 8, 9], [5, 3, 3], [2, 2], [0, 0], [1, 1], 1),
    conv(rng, 'hidden: stride (2, 1), different per axis', [1, 2, 9, 7], [3, 3, 3], [2, 1], [1, 1], [1, 1], 1),
    conv(rng, 'hidden: padding (2, 0), different per axis', [2, 2, 5, 6], [3, 3, 2], [1, 1], [2, 0], [1, 1], 1),
    conv(rng, 'hidden: padding (0, 2), different per axis', [1, 3, 6, 5], [2, 2, 3], [1, 1], [0, 2], [1, 1], 1),
    conv(rng, 'hidden: dilation (2, 2)', [2, 3, 9, 9], [4, 3, 3], [1, 1], [0, 0], [2, 2], 1),
    conv(rng, 'hidden: dilation (1, 3), different per axis', [1, 2, 7, 10], [3, 2, 3], [1, 1], [1, 1], [1, 3], 1),
    conv(rng, 'hidden: groups 2, 3 input channels per group', [2, 6, 6, 6], [4, 3, 3], [1, 1], [1, 1], [1, 1], 2),
    conv(rng, 'hidden: groups 3, 2 in / 2 out channels per group', [1, 6, 5, 7], [6, 2, 2], [1, 1], [0, 1], [1, 1], 3),
    conv(rng, 'hidden: depthwise (groups = C), channel multiplier 2', [2, 4, 7, 7], [8, 3, 3], [1, 1], [1, 1], [1, 1], 4),
    conv(rng, 'hidden: 1×5 kernel (non-square)', [2, 3, 4, 9], [4, 1, 5], [1, 1], [0, 2], [1, 1], 1),
    conv(rng, 'hidden: 5×2 kernel (non-square), stride (1, 2)', [1, 2, 8, 7], [3, 5, 2], [1, 2], [1, 0], [1, 1], 1),
    conv(rng, 'hidden: 1×1 kernel (pointwise), groups 2', [2, 4, 5, 3], [6, 1, 1], [1, 1], [0, 0], [1, 1], 2),
    conv(rng, 'hidden: kernel covers the whole padded input (1×1 output)', [2, 3, 3, 4], [2, 5, 6], [1, 1], [1, 1], [1, 1], 1),
    conv(rng, 'hidden: one row of output, stride 3', [1, 2, 4, 11], [3, 3, 3], [3, 3], [0, 1], [1, 1], 1),
    conv(rng, 'hidden: realistic layer, 8 → 16 channels, 12×12', [2, 8, 12, 12], [16, 3, 3], [1, 1], [1, 1], [1, 1], 1),
    conv(rng, 'hidden: everything at once (stride, padding, dilation, groups, non-square)', [2, 6, 11, 10], [9, 3, 2], [2, 1], [2, 1], [2, 3], 3),
  ];
  for (let i = 0; i < 3; i++) {
    const groups = rng.pick([1, 1, 2, 3]);
    const c = groups * rng.int(1, 3);
    const cOut = groups * rng.int(1, 3);
    const kh = rng.int(1, 4);
    const kw = rng.int(1, 4);
    const dilation: Pair = [rng.int(1, 2), rng.int(1, 2)];
    const padding: Pair = [rng.int(0, 2), rng.int(0, 2)];
    const stride: Pair = [rng.int(1, 3), rng.int(1, 3)];
    // Big enough that the dilated kernel always fits.
    const h = dilation[0] * (kh - 1) + 1 + rng.int(0, 6);
    const w = dilation[1] * (kw - 1) + 1 + rng.int(0, 6);
    list.push(conv(rng, `hidden: random shapes ${i + 1}`, [rng.int(1, 3), c, h, w], [cOut, kh, kw], stride, padding, dilation, groups));
  }
  return list;
}

const NO_CONV = 'write the convolution yourself (im2col + matMul, or loops over the kernel taps).';

export default defineProblem({
  id: 'architectures/conv2d',
  entry: 'conv2d',
  argNames: ['x', 'w', 'b', 'stride', 'padding', 'dilation', 'groups'],
  reference: conv2d,
  output: tensorOf('float32', outputShape),
  cases,
  forbiddenApis: ['conv1d', 'conv2d', 'conv3d', 'conv2dTranspose', 'conv3dTranspose', 'depthwiseConv2d', 'separableConv2d', 'fused', 'layers'].map((name) => ({
    name,
    reason: NO_CONV,
  })),
  mistakes: [
    {
      id: 'uses-tf-conv2d',
      title: 'used tf.conv2d',
      explanation: 'The built-in convolutions (tf.conv2d, tf.depthwiseConv2d, tf.fused.*, tf.layers.*) are what this problem asks you to write: build the patches with pad + slices and contract them with the weights in a matMul.',
      diagnostic: 'forbidden-api',
    },
    {
      id: 'kernel-flipped',
      title: 'kernel flipped (true convolution instead of cross-correlation)',
      explanation:
        'Deep-learning "convolution" is cross-correlation: out[y, x] = Σ w[i, j] · in[y·s + i·d, x·s + j·d], the kernel is not rotated by 180°. Index the weights with the same (i, j) as the input offset.',
      diagnostic: 'mismatch',
    },
    {
      id: 'im2col-order',
      title: 'im2col columns flattened tap-major while the weights are channel-major',
      explanation:
        'w[o] flattens to (channel, i, j) with the channel outermost. Patches stacked as (i, j, channel) pair each weight with the wrong input value as soon as there are several channels and taps: stack the taps so the channel comes first, or reorder the weights to match.',
      diagnostic: 'mismatch',
    },
    {
      id: 'groups-interleaved',
      title: 'input channels of a group taken as c ≡ g (mod groups) instead of a contiguous block',
      explanation: 'Group g owns the contiguous input channels g·C/groups … (g+1)·C/groups − 1 (reshape C to [groups, C/groups]), not every groups-th channel.',
      diagnostic: 'mismatch',
    },
    {
      id: 'output-groups-interleaved',
      title: 'output channel o assigned to group o mod groups instead of ⌊o / (Cout/groups)⌋',
      explanation: 'Output channels are also split into contiguous blocks: channels g·Cout/groups … (g+1)·Cout/groups − 1 belong to group g (w reshaped to [groups, Cout/groups, …]).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dilation-ignored',
      title: 'dilation ignored',
      explanation: 'With dilation d the kernel taps are d apart: tap i reads row y·s + i·d − p, and the kernel spans d·(k − 1) + 1 rows, so Ho = ⌊(H + 2p − d(k − 1) − 1)/s⌋ + 1.',
      diagnostic: 'shape',
    },
    {
      id: 'padding-one-side',
      title: 'all 2p of padding put after the input (bottom/right) instead of p on each side',
      explanation: 'padding p adds p zero rows above and p below (p columns left and right). Padding 2p at the end gives the right output size but shifts every window by p.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-missing',
      title: 'bias not added',
      explanation: 'Add b[o] to every position of output channel o: reshape b to [1, Cout, 1, 1] so it broadcasts over the batch and the spatial axes.',
      diagnostic: 'mismatch',
    },
  ],
});
