// Shuffled mini-batches of 100 standardised images, Adam.
const BATCH = 100;

function train(steps: number): number[] {
  const xn = normalize(trainX);
  const labels = encodeLabels(trainClasses);
  const n = trainClasses.length;
  const losses: number[] = [];
  for (let epoch = 0; losses.length < steps; epoch++) {
    const order = tf.util.createShuffledIndices(n);
    for (let start = 0; start < n && losses.length < steps; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const loss = optimizer!.minimize(() => lossFn(model(xn.gather(idx)), labels.gather(idx)), true, params)!;
      losses.push(loss.dataSync()[0]);
      tf.dispose([loss, idx]);
      plot('train loss', losses.length, losses[losses.length - 1]);
    }
    plot('accuracy', losses.length, evaluate());
    progress(Math.min(losses.length, steps), steps);
  }
  tf.dispose([xn, labels]);
  return losses;
}

// Accuracy of the predicted digits.
function evaluate(): number {
  return tf.tidy(() => {
    const predicted = model(normalize(trainX)).argMax(1).dataSync();
    return predicted.filter((c, i) => c === trainClasses[i]).length / trainClasses.length;
  });
}
