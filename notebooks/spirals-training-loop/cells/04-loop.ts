// The training loop: shuffled batches, momentum SGD, linear learning-rate decay.
function makeBatches(epoch: number) {
  const n = trainX.shape[0];
  const order = tf.util.createShuffledIndices(n);
  const batches = [];
  for (let start = 0; start < n; start += BATCH) {
    const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
    batches.push({ x: trainX.gather(idx), y: trainY.gather(idx) });
    idx.dispose();
  }
  return batches;
}

// Linear decay from LR at the first step to 0 at the last.
function lrAt(step: number, totalSteps: number): number {
  const stepsPerEpoch = Math.ceil(trainX.shape[0] / BATCH);
  const progress = step / stepsPerEpoch;
  return LR * Math.max(0, 1 - progress);
}

function trainStep(batch: { x: tf.Tensor; y: tf.Tensor }, lr: number): number {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => lossFn(model(batch.x), batch.y), params);
    params.forEach((p, i) => {
      velocity[i].assign(velocity[i].mul(MOMENTUM).add(grads[p.name]));
      p.assign(p.sub(velocity[i].mul(lr)));
    });
    return value.dataSync()[0];
  });
}

function train(steps: number): number[] {
  const losses: number[] = [];
  for (let epoch = 0; losses.length < steps; epoch++) {
    trainMode();
    for (const batch of makeBatches(epoch)) {
      if (losses.length < steps) {
        const lr = lrAt(losses.length, steps);
        losses.push(trainStep(batch, lr));
        plot('train loss', losses.length, losses[losses.length - 1]);
        plot('learning rate', losses.length, lr);
      }
      tf.dispose([batch.x, batch.y]);
    }
    if (epoch % 5 === 4) {
      plot('validation accuracy', losses.length, evaluate());
      progress(Math.min(losses.length, steps), steps);
    }
  }
  return losses;
}

// Validation accuracy.
function evaluate(): number {
  return tf.tidy(() => {
    const predicted = model(trainX).argMax(1);
    return predicted.equal(trainY.argMax(1)).mean().dataSync()[0];
  });
}
