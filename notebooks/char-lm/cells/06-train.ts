// Adam on random mini-batches of lines; the validation loss is plotted as it goes.
const BATCH_LINES = 4;

function train(steps: number): number[] {
  const losses: number[] = [];
  for (let step = 1; step <= steps; step++) {
    const picked = Array.from(tf.util.createShuffledIndices(trainLines.length).slice(0, BATCH_LINES));
    const batch = makeBatch(picked.map((i) => trainLines[i]));
    const loss = optimizer!.minimize(() => lossFn(model(batch.inputs, true), batch.targets, batch.mask), true, params)!;
    losses.push(loss.dataSync()[0]);
    loss.dispose();
    tf.dispose(batch);
    plot('train loss', step, losses[losses.length - 1]);
    if (step % 25 === 0) {
      plot('val loss', step, evaluate());
      progress(step, steps);
    }
  }
  return losses;
}

function evaluate(): number {
  const batch = makeBatch(valLines);
  const loss = tf.tidy(() => lossFn(model(batch.inputs, true), batch.targets, batch.mask).dataSync()[0]);
  tf.dispose(batch);
  return loss;
}

// Greedy continuation of a prompt, one character at a time.
function complete(prompt: string, length: number): string {
  const ids = encode(prompt);
  for (let i = 0; i < length; i++) {
    const next = tf.tidy(() => model(tf.tensor2d([[ids[ids.length - 1]]], undefined, 'int32'), false).argMax(-1).dataSync()[0]);
    ids.push(next);
  }
  return decode(ids);
}
