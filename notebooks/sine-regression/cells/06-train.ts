// Full-batch training; plots the training loss as it goes.
function train(steps: number): number[] {
  const xn = normalize(trainX);
  const losses: number[] = [];
  for (let step = 1; step <= steps; step++) {
    const loss = optimizer!.minimize(() => lossFn(model(xn), trainY), true, params)!;
    const value = loss.dataSync()[0];
    loss.dispose();
    losses.push(value);
    plot('train loss', step, value);
    if (step % 25 === 0) {
      plot('test loss', step, evaluate());
      progress(step, steps);
    }
  }
  xn.dispose();
  return losses;
}

function evaluate(): number {
  return tf.tidy(() => lossFn(model(normalize(testX)).reshape([-1]), testY).dataSync()[0]);
}
