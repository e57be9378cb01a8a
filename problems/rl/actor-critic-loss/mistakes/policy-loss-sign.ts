import * as tf from '@tensorflow/tfjs';

// logits: [N, T, A], actions: [N, T] int32, values: [N, T + 1], rewards / dones / mask: [N, T].
export function actorCriticLoss(
  logits: tf.Tensor3D,
  actions: tf.Tensor2D,
  values: tf.Tensor2D,
  rewards: tf.Tensor2D,
  dones: tf.Tensor2D,
  mask: tf.Tensor2D,
  gamma: number,
  valueCoef: number,
  entropyCoef: number,
) {
  const [N, T, A] = logits.shape;
  const v = values.arraySync();
  const r = rewards.arraySync();
  const d = dones.arraySync();
  // Bootstrapped returns and advantages are targets: computed from the values' numbers, so no
  // gradient can flow through them.
  const R: number[][] = [];
  const adv: number[][] = [];
  for (let n = 0; n < N; n++) {
    const row = new Array<number>(T);
    let next = v[n][T];
    for (let t = T - 1; t >= 0; t--) {
      next = r[n][t] + gamma * (1 - d[n][t]) * next;
      row[t] = next;
    }
    R.push(row);
    adv.push(row.map((x, t) => x - v[n][t]));
  }

  return tf.tidy(() => {
    const returns = tf.tensor2d(R, [N, T]);
    const advantages = tf.tensor2d(adv, [N, T]);
    const onehot = tf.oneHot(actions.cast('int32'), A).cast('float32');
    const count = mask.sum();
    const maskedMean = (x: tf.Tensor) => x.mul(mask).sum().div(count);

    const parts = (lg: tf.Tensor, vals: tf.Tensor) => {
      const logp = tf.logSoftmax(lg, -1);
      const taken = logp.mul(onehot).sum(-1);
      const entropy = maskedMean(logp.exp().mul(logp).sum(-1).neg());
      // Bug: +log π·A is the objective to maximize; as a loss it must be negated.
      const policyLoss = maskedMean(taken.mul(advantages));
      const vNow = vals.slice([0, 0], [N, T]);
      const valueLoss = maskedMean(returns.sub(vNow).square());
      const loss = policyLoss.add(valueLoss.mul(valueCoef)).sub(entropy.mul(entropyCoef));
      return { loss, policyLoss, valueLoss, entropy };
    };

    const [gradLogits, gradValues] = tf.grads((lg: tf.Tensor, vals: tf.Tensor) => parts(lg, vals).loss)([logits, values]);
    const { loss, policyLoss, valueLoss, entropy } = parts(logits, values);
    return {
      loss: loss as tf.Scalar,
      policyLoss: policyLoss as tf.Scalar,
      valueLoss: valueLoss as tf.Scalar,
      entropy: entropy as tf.Scalar,
      gradLogits: gradLogits as tf.Tensor3D,
      gradValues: gradValues as tf.Tensor2D,
    };
  });
}
