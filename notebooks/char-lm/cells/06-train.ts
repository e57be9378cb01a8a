// Full-batch Adam on the training lines; the validation loss is plotted as it goes.
function train(steps: number): number[] {
  const batch = makeBatch(trainLines);
  const losses: number[] = [];
  for (let step = 1; step <= steps; step++) {
    const loss = optimizer!.minimize(() => lossFn(model(batch.inputs, true), batch.targets, batch.mask), true, params)!;
    losses.push(loss.dataSync()[0]);
    loss.dispose();
    plot('train loss', step, losses[losses.length - 1]);
    if (step % 10 === 0) {
      plot('val loss', step, evaluate());
      progress(step, steps);
    }
  }
  tf.dispose(batch);
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
