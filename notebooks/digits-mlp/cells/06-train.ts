// Mini-batches of BATCH examples, taken in file order.
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
    for (const batch of makeBatches(epoch)) {
      if (losses.length < steps) {
        const loss = optimizer!.minimize(() => trainingLoss(batch), true, params)!;
        losses.push(loss.dataSync()[0]);
        loss.dispose();
        plot('train loss', losses.length, losses[losses.length - 1]);
      }
      tf.dispose([batch.x, batch.y]);
    }
    plot('test accuracy', losses.length, evaluate());
    progress(Math.min(losses.length, steps), steps);
  }
  return losses;
}

// Test accuracy of the trained model.
function evaluate(): number {
  return tf.tidy(() => {
    const predicted = model(testX).argMax(1).dataSync();
    return predicted.filter((c, i) => c === testClasses[i]).length / testClasses.length;
  });
}
