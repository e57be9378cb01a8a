// Mini-batch SGD with explicit gradient buffers (like PyTorch's .grad).
let gradBuffers: tf.Tensor[] | null = null;

function zeroGrads() {
  gradBuffers?.forEach((g) => g.dispose());
  gradBuffers = params.map((p) => tf.keep(tf.zerosLike(p)));
}

function makeBatches(epoch: number) {
  const n = trainX.shape[0];
  const order = tf.util.createShuffledIndices(n);
  const batches = [];
  for (let start = 0; start < n; start += BATCH) {
    const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
    batches.push({ x: tf.keep(trainX.gather(idx)), y: tf.keep(trainY.gather(idx)) });
    idx.dispose();
  }
  return batches;
}

function trainStep(batch: { x: tf.Tensor; y: tf.Tensor }): number {
  if (gradBuffers === null) zeroGrads();
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => lossFn(model(batch.x), batch.y), params);
    const previous = gradBuffers!;
    gradBuffers = previous.map((buffer, i) => tf.keep(buffer.add(grads[params[i].name])));
    previous.forEach((g) => g.dispose());
    params.forEach((p, i) => p.assign(p.sub(gradBuffers![i].mul(LR))));
    return value.dataSync()[0];
  });
}

function train(steps: number): number[] {
  const losses: number[] = [];
  let epoch = 0;
  while (losses.length < steps) {
    const batches = makeBatches(epoch++);
    for (const batch of batches) {
      if (losses.length < steps) {
        const loss = trainStep(batch);
        losses.push(loss);
        plot('loss', losses.length, loss);
        if (losses.length % 20 === 0) progress(losses.length, steps);
      }
      batch.x.dispose();
      batch.y.dispose();
    }
  }
  return losses;
}
