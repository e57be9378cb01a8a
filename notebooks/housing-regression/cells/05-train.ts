// Gradient accumulation: ACCUM micro-batches per update, gradients averaged into gradSum.
let gradSum: tf.Tensor[] | null = null;

function zeroGrads() {
  gradSum?.forEach((g) => g.dispose());
  gradSum = params.map((p) => tf.keep(tf.zerosLike(p)));
}

function trainStep(batch: { x: tf.Tensor; y: tf.Tensor }): number {
  if (gradSum === null) zeroGrads();
  const n = batch.x.shape[0];
  const micro = Math.ceil(n / ACCUM);
  let loss = 0;
  for (let start = 0; start < n; start += micro) {
    const size = Math.min(micro, n - start);
    tf.tidy(() => {
      const xs = batch.x.slice(start, size);
      const ys = batch.y.slice(start, size);
      const { value, grads } = tf.variableGrads(() => lossFn(model(xs), ys), params);
      const previous = gradSum!;
      gradSum = previous.map((sum, i) => tf.keep(sum.add(grads[params[i].name].mul(size / n))));
      previous.forEach((g) => g.dispose());
      loss += value.dataSync()[0] * (size / n);
    });
  }
  tf.tidy(() => params.forEach((p, i) => p.assign(p.sub(gradSum![i].mul(LR)))));
  return loss;
}

function train(steps: number): number[] {
  const batch = { x: normalize(trainX), y: trainY };
  const losses: number[] = [];
  for (let step = 1; step <= steps; step++) {
    losses.push(trainStep(batch));
    plot('train loss', step, losses[losses.length - 1]);
    if (step % 10 === 0) {
      plot('test RMSE', step, evaluate());
      progress(step, steps);
    }
  }
  batch.x.dispose();
  return losses;
}

function evaluate(): number {
  return tf.tidy(() => Math.sqrt(tf.mean(tf.square(model(normalize(testX)).reshape([-1]).sub(testY))).dataSync()[0]));
}
