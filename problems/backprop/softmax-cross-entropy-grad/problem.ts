import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../forbidden';
import { softmaxCrossEntropyGrad } from './reference';

function randomCase(rng: Rng, name: string, N: number, K: number, scale = 2): CaseSpec {
  return { name, public: false, args: [rng.normal([N, K], scale), rng.ints([N], 0, K - 1)] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: two rows, K = 3',
      public: true,
      args: [tensorSpec([2, 1, 0, 0, 0, 3], [2, 3]), tensorSpec([0, 1], [2], 'int32')],
    },
    {
      name: 'example 2: three rows, K = 2',
      public: true,
      args: [tensorSpec([1, -1, 0, 2, 3, 3.5], [3, 2]), tensorSpec([0, 0, 1], [3], 'int32')],
    },
  ];
  list.push(randomCase(rng, 'hidden: batch of 8, K = 5', 8, 5));
  list.push(randomCase(rng, 'hidden: batch 1', 1, 6));
  list.push(randomCase(rng, 'hidden: N = K (square logits)', 4, 4));
  list.push(randomCase(rng, 'hidden: binary', 6, 2));
  list.push(randomCase(rng, 'hidden: many classes', 3, 50));
  list.push(randomCase(rng, 'hidden: confident, small logits', 5, 4, 0.1));
  list.push(randomCase(rng, 'hidden: large-magnitude logits', 4, 6, 100));
  list.push(randomCase(rng, 'hidden: large-magnitude logits, batch 1', 1, 3, 200));
  for (let i = 0; i < 3; i++) list.push(randomCase(rng, `hidden: random shape ${i + 1}`, rng.int(1, 12), rng.int(2, 20), rng.pick([1, 3])));
  return list;
}

export default defineProblem({
  id: 'backprop/softmax-cross-entropy-grad',
  entry: 'softmaxCrossEntropyGrad',
  argNames: ['logits', 'labels'],
  reference: softmaxCrossEntropyGrad,
  // { loss [], dlogits [N, K] } (no dtype stated; float32).
  output: objectOf({ loss: scalarTensor(), dlogits: tensorOf('float32', (args) => shapeOf(args, 0)) }),
  cases,
  forbiddenApis: AUTODIFF_FORBIDDEN,
  mistakes: [
    {
      id: 'not-divided-by-batch',
      title: 'gradient not divided by the batch size',
      explanation: 'The loss is the mean over N rows, so every row of the gradient carries a factor 1/N: dlogits = (softmax − onehot) / N.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sign-flipped',
      title: 'sign flipped: onehot − softmax',
      explanation: 'Raising the correct logit lowers the loss, so its gradient is negative: dlogits = (softmax − onehot) / N.',
      diagnostic: 'mismatch',
    },
    {
      id: 'uses-log-softmax',
      title: 'log-softmax used where the softmax belongs',
      explanation: 'd/dz of −log softmax(z)_y is softmax(z) − onehot(y): the probabilities, not the log-probabilities (those appear only in the loss).',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-batch-axis',
      title: 'softmax normalized over the batch axis',
      explanation: 'Each row is a distribution over the K classes: normalize over the last axis (tf.softmax(logits, -1)), not over the N examples.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of a logit of a few hundred overflows to Infinity and the result becomes NaN. Subtract the row max first, or use tf.logSoftmax / tf.softmax.',
      diagnostic: 'non-finite',
    },
    AUTODIFF_MISTAKE,
  ],
});
