/**
 * The backprop-by-hand references are checked against tfjs autodiff on every case of their problem:
 * the hand-derived gradients must equal tf.grads of the forward computation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { compareValues } from '../../src/judge/compare';
import { materialize } from '../../src/judge/inputs';
import { casesFor, toPlain } from '../../src/judge/judge';
import type { ProblemDefinition } from '../../src/judge/problem';
import softmaxBackward from './softmax-backward/problem';
import mlpBackward from './mlp-backward/problem';
import layerNormBackward from './layer-norm-backward/problem';
import softmaxCrossEntropyGrad from './softmax-cross-entropy-grad/problem';
import attentionBackward from './attention-backward/problem';

type Autodiff = (...args: any[]) => unknown;

/** For each problem, the same quantity computed with tf.grads from the forward pass. */
const checks: [ProblemDefinition, Autodiff][] = [
  [
    softmaxBackward,
    (y: tf.Tensor, dy: tf.Tensor) => tf.grad((x: tf.Tensor) => tf.softmax(x, -1).mul(dy).sum())(tf.log(y)),
  ],
  [
    mlpBackward,
    (x: tf.Tensor, y: tf.Tensor, W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor) => {
      const f = (w1: tf.Tensor, c1: tf.Tensor, w2: tf.Tensor, c2: tf.Tensor) =>
        tf.relu(x.matMul(w1).add(c1)).matMul(w2).add(c2).sub(y).square().sum().div(2 * x.shape[0]) as tf.Scalar;
      const { value, grads } = tf.valueAndGrads(f)([W1, b1, W2, b2]);
      return { loss: value, dW1: grads[0], db1: grads[1], dW2: grads[2], db2: grads[3] };
    },
  ],
  [
    layerNormBackward,
    (x: tf.Tensor, gamma: tf.Tensor, dy: tf.Tensor, eps: number) => {
      const f = (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => {
        const { mean, variance } = tf.moments(xx, -1, true);
        return xx.sub(mean).div(variance.add(eps).sqrt()).mul(gg).add(bb).mul(dy).sum() as tf.Scalar;
      };
      const [dx, dgamma, dbeta] = tf.grads(f)([x, gamma, tf.zerosLike(gamma)]);
      return { dx, dgamma, dbeta };
    },
  ],
  [
    softmaxCrossEntropyGrad,
    (logits: tf.Tensor, labels: tf.Tensor) => {
      const onehot = tf.oneHot(labels as tf.Tensor1D, logits.shape[1]!).cast('float32');
      const { value, grad } = tf.valueAndGrad((z: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, z) as tf.Scalar)(logits);
      return { loss: value, dlogits: grad };
    },
  ],
  [
    attentionBackward,
    (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) => {
      const d = q.shape[q.rank - 1];
      const f = (qq: tf.Tensor, kk: tf.Tensor, vv: tf.Tensor) =>
        tf.matMul(tf.softmax(tf.matMul(qq, kk, false, true).div(Math.sqrt(d)), -1), vv).mul(dOut).sum() as tf.Scalar;
      const [dq, dk, dv] = tf.grads(f)([q, k, v]);
      return { dq, dk, dv };
    },
  ],
];

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe.each(checks.map(([problem, autodiff]) => [problem.id, problem, autodiff] as const))('%s', (_id, problem, autodiff) => {
  it('reference equals autodiff on every case', async () => {
    const failures: string[] = [];
    for (const spec of casesFor(problem, 'submit')) {
      const expected = tf.tidy(() => autodiff(...spec.args.map((a) => materialize(tf, a))) as tf.TensorContainer);
      const got = await problem.reference(...spec.args.map((a) => materialize(tf, a)));
      const diagnostic = compareValues(await toPlain(tf, expected), await toPlain(tf, got), { atol: 1e-4, rtol: 1e-3 });
      if (diagnostic) failures.push(`${spec.name}: ${diagnostic.message}`);
      tf.dispose([expected, got as tf.TensorContainer]);
    }
    expect(failures).toEqual([]);
  });
});
