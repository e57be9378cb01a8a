// Adam on mini-batches of BATCH phrases, reshuffled every epoch; validation loss once per epoch.
const BATCH = 8;

function train(steps: number): number[] {
  const losses: number[] = [];
  while (losses.length < steps) {
    const order = tf.util.createShuffledIndices(trainLines.length);
    for (let start = 0; start < order.length && losses.length < steps; start += BATCH) {
      const batch = makeBatch(Array.from(order.slice(start, start + BATCH)).map((i) => trainLines[i]));
      const loss = optimizer!.minimize(() => lossFn(logProbs(model(batch.inputs)), batch.targets, batch.mask), true, params)!;
      losses.push(loss.dataSync()[0]);
      tf.dispose([loss, batch.inputs, batch.targets, batch.mask]);
      plot('train loss', losses.length, losses[losses.length - 1]);
    }
    plot('validation loss', losses.length, evaluate());
    progress(Math.min(losses.length, steps), steps);
  }
  return losses;
}

function evaluate(): number {
  const batch = makeBatch(valLines);
  const loss = tf.tidy(() => lossFn(logProbs(model(batch.inputs)), batch.targets, batch.mask).dataSync()[0]);
  tf.dispose(batch);
  return loss;
}

// Continue a prompt by sampling one character at a time from the model.
function sample(prompt: string, length: number, seed = 1): string {
  const random = seededRandom(seed);
  const ids = encode(prompt);
  for (let i = 0; i < length; i++) {
    const probs = tf.tidy(() => tf.softmax(model(tf.tensor2d([[ids[ids.length - 1]]], undefined, 'int32'))).dataSync());
    let r = random();
    let next = 1;
    for (let k = 1; k < probs.length; k++) {
      r -= probs[k];
      if (r <= 0) { next = k; break; }
    }
    ids.push(next);
  }
  return decode(ids);
}
