// Full-batch gradient descent: w ← w − LR · ∂loss/∂w.
function trainStep(): number {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => lossFn(model(trainX), trainY), params);
    params.forEach((p) => p.assign(p.sub(grads[p.name].mul(LR))));
    return value.dataSync()[0];
  });
}

function train(steps: number): number[] {
  const losses: number[] = [];
  for (let step = 1; step <= steps; step++) {
    losses.push(trainStep());
    plot('train loss', step, losses[losses.length - 1]);
    if (step % 25 === 0) {
      plot('test accuracy', step, evaluate());
      progress(step, steps);
    }
  }
  return losses;
}

function evaluate(): number {
  return tf.tidy(() => model(testX).argMax(1).equal(testY.argMax(1)).mean().dataSync()[0]);
}
