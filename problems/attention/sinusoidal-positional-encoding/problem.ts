import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { numberArg, tensorOf } from '../../../src/judge/contract';
import type { Rng } from '../../../src/judge/rng';
import { sinusoidalPositionalEncoding } from './reference';

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: one position', public: true, args: [1, 4] },
    { name: 'example 2: three positions, dModel = 4', public: true, args: [3, 4] },
    { name: 'example 3: 6 positions, dModel = 8', public: true, args: [6, 8] },
    { name: 'hidden: 16 positions, dModel = 8', public: false, args: [16, 8] },
    { name: 'hidden: 50 positions, dModel = 16', public: false, args: [50, 16] },
    { name: 'hidden: odd dModel = 7', public: false, args: [10, 7] },
    { name: 'hidden: dModel = 2', public: false, args: [4, 2] },
    { name: 'hidden: seqLen = 1, dModel = 6', public: false, args: [1, 6] },
    { name: 'hidden: long sequence (128 positions)', public: false, args: [128, 16] },
    { name: 'hidden: wide encoding (dModel = 64)', public: false, args: [20, 64] },
    { name: 'hidden: dModel = 1 (one sine column)', public: false, args: [5, 1] },
    { name: 'hidden: dModel = 3', public: false, args: [2, 3] },
  ];
  for (let i = 0; i < 3; i++) {
    list.push({ name: `hidden: random size ${i + 1}`, public: false, args: [rng.int(1, 64), rng.int(1, 32)] });
  }
  return list;
}

export default defineProblem({
  id: 'attention/sinusoidal-positional-encoding',
  entry: 'sinusoidalPositionalEncoding',
  argNames: ['seqLen', 'dModel'],
  reference: sinusoidalPositionalEncoding,
  // float32 [seqLen, dModel].
  output: tensorOf('float32', (args) => [numberArg(args, 0), numberArg(args, 1)]),
  cases,
  mistakes: [
    {
      id: 'sin-cos-swapped',
      title: 'sin and cos swapped between even and odd columns',
      explanation: 'Even columns (0, 2, 4, …) hold sin and odd columns hold cos, so position 0 encodes as [0, 1, 0, 1, …].',
      diagnostic: 'mismatch',
    },
    {
      id: 'concatenated-halves',
      title: 'sines and cosines concatenated in halves instead of interleaved',
      explanation: 'This problem follows "Attention Is All You Need": column 2i is sin and column 2i+1 is cos of the same angle, not all sines then all cosines.',
      diagnostic: 'mismatch',
    },
    {
      id: 'exponent-uses-i',
      title: 'exponent i/dModel instead of 2i/dModel',
      explanation: 'The frequency of pair i is 1/10000^(2i/dModel): the exponent is the even column index 2i over dModel, not the pair index i.',
      diagnostic: 'mismatch',
    },
    {
      id: 'exponent-uses-column-index',
      title: 'each column uses its own index j in the exponent',
      explanation: 'Columns 2i and 2i+1 share one frequency, 1/10000^(2i/dModel). Using j/dModel gives the cos columns a different frequency from their sin partners.',
      diagnostic: 'mismatch',
    },
    {
      id: 'base-1000',
      title: 'base 1000 instead of 10000',
      explanation: 'The wavelengths form a geometric progression from 2π to 10000·2π: the base is 10000.',
      diagnostic: 'mismatch',
    },
    {
      id: 'positions-start-at-1',
      title: 'positions counted from 1',
      explanation: 'Positions are 0 … seqLen − 1, so the first row is sin(0) = 0 / cos(0) = 1 alternating.',
      diagnostic: 'mismatch',
    },
    {
      id: 'odd-width-extra-column',
      title: 'an odd dModel gets an extra column (a cosine partner for the last sine)',
      explanation: 'Stacking a (sin, cos) pair for each of ⌈dModel/2⌉ frequencies gives 2·⌈dModel/2⌉ columns. The result has exactly dModel columns: for odd dModel the last column is a sine with no cosine after it — slice it off.',
      diagnostic: 'shape',
    },
    {
      id: 'frequency-inverted',
      title: 'position multiplied by 10000^(2i/dModel) instead of divided',
      explanation: 'The angle is pos / 10000^(2i/dModel) = pos · 10000^(−2i/dModel): frequencies fall from 1 towards 1/10000 across the columns.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-plain-array',
      title: 'returned a JavaScript array instead of a tensor',
      explanation: 'Return a float32 tf.Tensor of shape [seqLen, dModel], e.g. tf.tensor2d(values, [seqLen, dModel]).',
      diagnostic: 'not-a-tensor',
    },
    {
      id: 'odd-last-column-zero',
      title: 'an odd dModel leaves the last (sine) column at zero',
      explanation: 'With an odd dModel there are ⌈dModel/2⌉ frequencies: the last column d−1 is even and holds sin(pos / 10000^((d−1)/d)). Looping over ⌊dModel/2⌋ pairs never fills it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log10-in-exponent',
      title: 'Math.log10 used where the natural log belongs',
      explanation: 'In the exp form, 10000^(−2i/d) = exp(−2i · ln(10000) / d): use Math.log(10000), not Math.log10(10000) = 4, or compute Math.pow(10000, −2i/d) directly.',
      diagnostic: 'mismatch',
    },
    {
      id: 'transposed-output',
      title: 'returned [dModel, seqLen] instead of [seqLen, dModel]',
      explanation: 'Rows are positions and columns are features: the result has shape [seqLen, dModel]. Build angles as positions [seqLen, 1] times frequencies [1, dModel].',
      diagnostic: 'shape',
    },
    {
      id: 'extra-batch-axis',
      title: 'returned [1, seqLen, dModel] with an extra batch axis',
      explanation: 'The statement asks for a 2-D tensor [seqLen, dModel]; do not add the leading batch axis that a module buffer would keep.',
      diagnostic: 'shape',
    },
    {
      id: 'exponent-over-half-width',
      title: 'exponent 2i/(dModel/2) instead of 2i/dModel',
      explanation: 'The wavelengths are 10000^(2i/dModel): with 2i already counting columns, divide by dModel. Dividing by dModel/2 makes the frequencies decay twice as fast.',
      diagnostic: 'mismatch',
    },
    {
      id: 'positions-linspace-to-seqlen',
      title: 'positions from linspace(0, seqLen, seqLen) instead of 0, 1, …, seqLen − 1',
      explanation: 'linspace includes both ends, so seqLen points from 0 to seqLen are not integers; the positions are 0..seqLen−1 (tf.range(0, seqLen) or linspace(0, seqLen − 1, seqLen)).',
      diagnostic: 'mismatch',
    },
  ],
});
