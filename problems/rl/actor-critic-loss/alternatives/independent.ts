import * as tf from '@tensorflow/tfjs';

// Host-side loops with hand-derived gradients (no tf.grads):
//   ∂(−log π_a · A)/∂z = −A (onehot(a) − π),  ∂H/∂z_j = −π_j (log π_j + H),  ∂(R − V)²/∂V = −2 (R − V).
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
): {
  loss: tf.Scalar;
  policyLoss: tf.Scalar;
  valueLoss: tf.Scalar;
  entropy: tf.Scalar;
  gradLogits: tf.Tensor3D;
  gradValues: tf.Tensor2D;
} {
  const z = logits.arraySync();
  const act = actions.arraySync();
  const v = values.arraySync();
  const rw = rewards.arraySync();
  const dn = dones.arraySync();
  const mk = mask.arraySync();
  const [N, T, A] = logits.shape;

  let M = 0;
  for (let n = 0; n < N; n++) for (let t = 0; t < T; t++) if (mk[n][t] !== 0) M += 1;

  const gradZ: number[][][] = [];
  const gradV: number[][] = [];
  let polSum = 0;
  let valSum = 0;
  let entSum = 0;
  for (let n = 0; n < N; n++) {
    // Bootstrapped returns (constants), cut at dones; padded steps are never read by a valid one.
    const R = new Array<number>(T).fill(0);
    let next = v[n][T];
    for (let t = T - 1; t >= 0; t--) {
      R[t] = dn[n][t] === 1 ? rw[n][t] : rw[n][t] + gamma * next;
      next = R[t];
    }
    const gRow: number[][] = [];
    const gvRow = new Array<number>(T + 1).fill(0);
    for (let t = 0; t < T; t++) {
      const g = new Array<number>(A).fill(0);
      if (mk[n][t] !== 0) {
        const zt = z[n][t];
        const mx = Math.max(...zt);
        let se = 0;
        for (let a = 0; a < A; a++) se += Math.exp(zt[a] - mx);
        const lse = Math.log(se);
        const logPi = zt.map((x) => x - mx - lse);
        const pi = logPi.map((x) => Math.exp(x));
        let H = 0;
        for (let a = 0; a < A; a++) H -= pi[a] * logPi[a];
        const adv = R[t] - v[n][t];
        const at = act[n][t];
        polSum += -logPi[at] * adv;
        valSum += adv * adv;
        entSum += H;
        for (let a = 0; a < A; a++) {
          const onehot = a === at ? 1 : 0;
          const dPol = -adv * (onehot - pi[a]);
          const dEnt = -pi[a] * (logPi[a] + H);
          g[a] = (dPol - entropyCoef * dEnt) / M;
        }
        gvRow[t] = (valueCoef * -2 * adv) / M;
      }
      gRow.push(g);
    }
    gradZ.push(gRow);
    gradV.push(gvRow);
  }
  const policyLoss = polSum / M;
  const valueLoss = valSum / M;
  const entropy = entSum / M;
  const loss = policyLoss + valueCoef * valueLoss - entropyCoef * entropy;
  return {
    loss: tf.scalar(loss, 'float32'),
    policyLoss: tf.scalar(policyLoss, 'float32'),
    valueLoss: tf.scalar(valueLoss, 'float32'),
    entropy: tf.scalar(entropy, 'float32'),
    gradLogits: tf.tensor3d(gradZ, [N, T, A], 'float32'),
    gradValues: tf.tensor2d(gradV, [N, T + 1], 'float32'),
  };
}
