import * as tf from '@tensorflow/tfjs';

// Gradient accumulation with tf.grads over (A, B), one micro-batch at a time.
export async function loraFinetuneStep(
  x: tf.Tensor3D,
  labels: tf.Tensor2D,
  w: tf.Tensor2D,
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  lr: number,
  alpha: number,
  epsilon: number,
): Promise<{ a: tf.Tensor2D; b: tf.Tensor2D; w: tf.Tensor2D; loss: number; accuracy: number }> {
  const [k, m, d] = x.shape;
  const V = w.shape[1];
  const r = a.shape[1];
  const scale = alpha / r;
  const lab = labels.arraySync() as number[][];

  let N = 0;
  for (const row of lab) for (const y of row) if (y !== 0) N++;

  let gA = tf.zerosLike(a);
  let gB = tf.zerosLike(b);
  let lossSum = 0;
  let correct = 0;

  for (let j = 0; j < k; j++) {
    const maskArr = lab[j].map((y) => (y !== 0 ? 1 : 0));
    if (maskArr.every((v) => v === 0)) continue; // pure padding: contributes nothing

    const [lossJ, dA, dB, pred] = tf.tidy(() => {
      const xj = x.slice([j, 0, 0], [1, m, d]).reshape([m, d]);
      const mask = tf.tensor1d(maskArr, 'float32');
      const yj = tf.tensor1d(lab[j], 'int32');
      const q = tf.oneHot(yj, V).toFloat().mul(1 - epsilon).add(epsilon / V);
      const f = (aa: tf.Tensor, bb: tf.Tensor) => {
        const z = xj.matMul(w).add(xj.matMul(aa as tf.Tensor2D).matMul(bb as tf.Tensor2D).mul(scale));
        const logp = tf.logSoftmax(z);
        const perTok = q.mul(logp).sum(1).neg();
        return perTok.mul(mask).sum().div(N) as tf.Scalar;
      };
      const { value, grads } = tf.valueAndGrads(f)([a, b]);
      const z = xj.matMul(w).add(xj.matMul(a).matMul(b).mul(scale));
      return [value, grads[0], grads[1], z.argMax(1)] as [tf.Scalar, tf.Tensor, tf.Tensor, tf.Tensor];
    });

    lossSum += (await lossJ.data())[0];
    const p = await pred.data();
    for (let t = 0; t < m; t++) if (lab[j][t] !== 0 && p[t] === lab[j][t]) correct++;

    const nA = gA.add(dA);
    const nB = gB.add(dB);
    tf.dispose([gA, gB, lossJ, dA, dB, pred]);
    gA = nA as tf.Tensor2D;
    gB = nB as tf.Tensor2D;
  }

  const newA = tf.tidy(() => a.sub(gA.mul(lr))) as tf.Tensor2D;
  const newB = tf.tidy(() => b.sub(gB.mul(lr))) as tf.Tensor2D;
  tf.dispose([gA, gB]);
  return { a: newA, b: newB, w: w.clone(), loss: lossSum, accuracy: correct / N };
}
