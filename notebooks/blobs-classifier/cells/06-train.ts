// Mini-batches in file order.
function makeBatches(epoch: number) {
  const n = trainX.shape[0];
  const batches = [];
  for (let start = 0; start < n; start += BATCH) {
    const size = Math.min(BATCH, n - start);
    batches.push({ x: trainX.slice(start, size), y: trainY.slice(start, size) });
  }
  return batches;
}

function train(steps: number): number[] {
  const losses: number[] = [];
  for (let epoch = 0; losses.length < steps; epoch++) {
    const batches = makeBatches(epoch);
    for (const batch of batches) {
      if (losses.length < steps) {
        const loss = optimizer!.minimize(() => trainingLoss(batch), true, params)!;
        losses.push(loss.dataSync()[0]);
        loss.dispose();
        plot('loss', losses.length, losses[losses.length - 1]);
      }
      tf.dispose([batch.x, batch.y]);
    }
    plot('accuracy', losses.length, evaluate());
    progress(Math.min(losses.length, steps), steps);
  }
  return losses;
}

// Accuracy of the model's predicted classes.
function evaluate(): number {
  return tf.tidy(() => {
    const predicted = model(trainX).argMax(1).dataSync();
    return predicted.filter((c, i) => c === trainClasses[i]).length / trainClasses.length;
  });
}
